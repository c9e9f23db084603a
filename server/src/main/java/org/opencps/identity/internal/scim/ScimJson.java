package org.opencps.identity.internal.scim;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** SCIM attribute names are case-insensitive (RFC 7643 §2.1): lookups here match them so, keeping the stored spelling. */
final class ScimJson {

    private ScimJson() {
    }

    /** The child of an object whose name matches case-insensitively, or null. */
    static JsonNode child(JsonNode node, String name) {
        if (node == null || !node.isObject()) {
            return null;
        }
        JsonNode exact = node.get(name);
        if (exact != null) {
            return exact;
        }
        for (String key : node.propertyNames()) {
            if (key.equalsIgnoreCase(name)) {
                return node.get(key);
            }
        }
        return null;
    }

    /** The spelling under which the object holds {@code name}, or {@code name} itself when it holds none. */
    static String keyOf(JsonNode node, String name) {
        for (String key : node.propertyNames()) {
            if (key.equalsIgnoreCase(name)) {
                return key;
            }
        }
        return name;
    }

    /** A string child's text, or null when absent or not a string. */
    static String text(JsonNode node, String name) {
        JsonNode value = child(node, name);
        return value != null && value.isString() ? value.asString() : null;
    }

    static ObjectNode objectChild(ObjectNode parent, String name, boolean create) {
        String key = keyOf(parent, name);
        JsonNode existing = parent.get(key);
        if (existing instanceof ObjectNode object) {
            return object;
        }
        return create ? parent.putObject(key) : null;
    }

    static ArrayNode arrayChild(ObjectNode parent, String name, boolean create) {
        String key = keyOf(parent, name);
        JsonNode existing = parent.get(key);
        if (existing instanceof ArrayNode array) {
            return array;
        }
        return create ? parent.putArray(key) : null;
    }

    /** Copies {@code source}'s attributes into {@code target}: sub-attributes of complex ones merged, the rest replaced. */
    static void merge(ObjectNode target, JsonNode source) {
        for (var entry : source.properties()) {
            String key = keyOf(target, entry.getKey());
            JsonNode current = target.get(key);
            if (current instanceof ObjectNode object && entry.getValue().isObject()) {
                merge(object, entry.getValue());
            } else {
                target.set(key, entry.getValue().deepCopy());
            }
        }
    }
}
