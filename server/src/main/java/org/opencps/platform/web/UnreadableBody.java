package org.opencps.platform.web;

import java.util.stream.Collectors;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** Turns a JSON parsing failure into a message a person can act on, naming the field at fault. */
record UnreadableBody(String field, String message) {

    static UnreadableBody explain(HttpMessageNotReadableException e) {
        Throwable cause = jacksonCause(e);
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return new UnreadableBody(path(unknown), "unknown field '" + unknown.getPropertyName() + "'");
        }
        if (cause instanceof InvalidFormatException format) {
            return new UnreadableBody(path(format), "'" + path(format) + "' has an invalid value: " + format.getValue());
        }
        if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            return new UnreadableBody(path(mismatch), "'" + path(mismatch) + "' has the wrong type or form");
        }
        if (cause instanceof StreamReadException) {
            return new UnreadableBody(null, "the body is not well-formed JSON");
        }
        if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
            return new UnreadableBody(path(jackson), "'" + path(jackson) + "' is invalid: " + jackson.getOriginalMessage());
        }
        if (cause instanceof IllegalArgumentException iae && iae.getMessage() != null) {
            return new UnreadableBody(null, iae.getMessage());
        }
        return new UnreadableBody(null, "the request body is missing or is not valid JSON");
    }

    /**
     * The outermost Jackson exception, which knows the path: the most specific cause can be what
     * Jackson wrapped (a DateTimeParseException for a malformed date), which names no field.
     */
    private static Throwable jacksonCause(HttpMessageNotReadableException e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof JacksonException) {
                return t;
            }
        }
        return e.getMostSpecificCause();
    }

    private static String path(JacksonException e) {
        return e.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }
}
