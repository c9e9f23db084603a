package org.opencps.identity.internal.scim;

import java.util.Optional;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Resource ids in paths and bodies, and the schemas a request body must name. */
final class ScimIds {

    private ScimIds() {
    }

    /** An id that is no UUID names no resource: a 404 like any unknown id. */
    static Optional<UUID> parse(String id) {
        try {
            return id == null ? Optional.empty() : Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static void requireSchema(ObjectNode body, String schema) {
        JsonNode schemas = ScimJson.child(body, "schemas");
        if (schemas == null || !schemas.isArray()) {
            throw ScimException.invalidSyntax("the request needs \"schemas\": [\"" + schema + "\"]");
        }
        for (JsonNode named : schemas) {
            if (named.isString() && named.asString().equalsIgnoreCase(schema)) {
                return;
            }
        }
        throw ScimException.invalidSyntax("\"schemas\" must include " + schema);
    }
}
