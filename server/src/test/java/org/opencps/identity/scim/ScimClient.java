package org.opencps.identity.scim;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Calls /scim/v2 as an identity provider's provisioning client does: a bearer token, application/scim+json. */
final class ScimClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MockMvc mvc;
    private final String token;

    ScimClient(MockMvc mvc, String token) {
        this.mvc = mvc;
        this.token = token;
    }

    Answer get(String path) throws Exception {
        return send(HttpMethod.GET, path, null);
    }

    Answer post(String path, String body) throws Exception {
        return send(HttpMethod.POST, path, body);
    }

    Answer put(String path, String body) throws Exception {
        return send(HttpMethod.PUT, path, body);
    }

    Answer patch(String path, String body) throws Exception {
        return send(HttpMethod.PATCH, path, body);
    }

    Answer delete(String path) throws Exception {
        return send(HttpMethod.DELETE, path, null);
    }

    Answer send(HttpMethod method, String path, String body) throws Exception {
        var call = request(method, "/scim/v2" + path).header("Accept", "application/scim+json");
        if (token != null) {
            call.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            call.contentType("application/scim+json").content(body);
        }
        return new Answer(mvc.perform(call).andReturn());
    }

    /** A response: its status, its body as JSON (null when empty) and its headers. */
    record Answer(MvcResult result) {

        int status() {
            return result.getResponse().getStatus();
        }

        JsonNode json() throws Exception {
            String text = result.getResponse().getContentAsString();
            return text.isEmpty() ? null : JSON.readTree(text);
        }

        String contentType() {
            return result.getResponse().getContentType();
        }

        String header(String name) {
            return result.getResponse().getHeader(name);
        }

        @Override
        public String toString() {
            try {
                return status() + " " + result.getResponse().getContentAsString();
            } catch (java.io.UnsupportedEncodingException e) {
                return status() + " (unreadable body)";
            }
        }
    }
}
