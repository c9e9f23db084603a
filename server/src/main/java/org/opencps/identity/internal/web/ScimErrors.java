package org.opencps.identity.internal.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.opencps.identity.internal.scim.ScimException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every error of {@code /scim/v2} as RFC 7644 §3.12 has it: {@code urn:ietf:params:scim:api:messages:2.0:Error} with
 * the status as a string and a scimType where one applies; the provisioning clients read these, not problem+json.
 */
@RestControllerAdvice(assignableTypes = ScimController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ScimErrors {

    static final MediaType SCIM_JSON = MediaType.parseMediaType("application/scim+json");
    private static final String ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";

    @ExceptionHandler(ScimException.class)
    ResponseEntity<JsonNode> scim(ScimException e) {
        return answer(e.status(), e.scimType(), e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<JsonNode> unreadable(HttpMessageNotReadableException e) {
        return answer(400, "invalidSyntax", "the request body is missing or is not JSON");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<JsonNode> typeMismatch(MethodArgumentTypeMismatchException e) {
        return answer(400, "invalidValue", "'" + e.getName() + "' has the wrong type");
    }

    static ResponseEntity<JsonNode> answer(int status, String scimType, String detail) {
        return ResponseEntity.status(HttpStatus.valueOf(status)).contentType(SCIM_JSON).body(body(status, scimType, detail));
    }

    /** From a filter, where no controller advice runs. */
    static void write(HttpServletResponse response, int status, String scimType, String detail) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType(SCIM_JSON.toString());
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (status == 401) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"scim\"");
        }
        response.getWriter().write(body(status, scimType, detail).toString());
        response.flushBuffer();
    }

    private static ObjectNode body(int status, String scimType, String detail) {
        ObjectNode error = JsonNodeFactory.instance.objectNode();
        error.putArray("schemas").add(ERROR);
        error.put("status", String.valueOf(status));
        if (scimType != null) {
            error.put("scimType", scimType);
        }
        error.put("detail", detail);
        return error;
    }
}
