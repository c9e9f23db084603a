package org.opencps.identity.internal.scim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Applies a PatchOp (RFC 7644 §3.5.2) to a resource held as JSON, as the provisioning clients send them: operation
 * names in any case (Entra ID's "Replace", "Add"), paths with filters ({@code emails[type eq "work"].value}), an
 * operation without a path whose value's keys are paths (Okta's {@code {"op":"replace","value":{"active":false}}}),
 * and Entra ID's removal of members by a value list. A filtered path that matches nothing gets a new element built
 * from the filter's terms, which is what a client setting {@code emails[type eq "work"].value} for the first time means.
 */
public final class ScimPatch {

    static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    private static final int MAX_OPERATIONS = 1000;

    private ScimPatch() {
    }

    /** Applies every operation of {@code request} to {@code resource} in order; {@code id} is the resource's own id. */
    public static void apply(ObjectNode resource, JsonNode request, String id) {
        JsonNode operations = ScimJson.child(request, "Operations");
        if (operations == null || !operations.isArray() || operations.isEmpty()) {
            throw ScimException.invalidSyntax("a PatchOp request needs a non-empty \"Operations\" array");
        }
        if (operations.size() > MAX_OPERATIONS) {
            throw new ScimException(413, "tooMany", "at most " + MAX_OPERATIONS + " operations per request");
        }
        for (JsonNode operation : operations) {
            applyOne(resource, operation, id);
        }
    }

    private static void applyOne(ObjectNode resource, JsonNode operation, String id) {
        String op = ScimJson.text(operation, "op");
        String path = ScimJson.text(operation, "path");
        JsonNode value = ScimJson.child(operation, "value");
        switch (op == null ? "" : op.toLowerCase(Locale.ROOT)) {
            case "add", "replace" -> {
                boolean add = op.equalsIgnoreCase("add");
                if (value == null) {
                    throw ScimException.invalidSyntax("the operation '" + op + "' needs a value");
                }
                if (path == null || path.isBlank()) {
                    if (!value.isObject()) {
                        throw ScimException.invalidSyntax("an operation without a path needs an object as its value");
                    }
                    for (var entry : value.properties()) {
                        if (!entry.getKey().equalsIgnoreCase("schemas")) {
                            set(resource, ScimPath.parse(entry.getKey()), entry.getValue(), add, id);
                        }
                    }
                } else {
                    set(resource, ScimPath.parse(path), value, add, id);
                }
            }
            case "remove" -> {
                if (path == null || path.isBlank()) {
                    throw new ScimException(400, "noTarget", "the operation 'remove' needs a path");
                }
                remove(resource, ScimPath.parse(path), value);
            }
            default -> throw ScimException.invalidSyntax("op is add, replace or remove, not '" + op + "'");
        }
    }

    private static void set(ObjectNode resource, ScimPath path, JsonNode value, boolean add, String id) {
        if (readOnly(path, value, id)) {
            return;
        }
        ObjectNode container = path.urn() == null ? resource : ScimJson.objectChild(resource, path.urn(), true);
        if (path.attribute() == null) {
            if (!value.isObject()) {
                throw ScimException.invalidValue("the extension " + path.urn() + " takes an object");
            }
            ScimJson.merge(container, value);
            return;
        }
        String key = ScimJson.keyOf(container, path.attribute());
        if (path.filter() != null) {
            ArrayNode array = ScimJson.arrayChild(container, key, true);
            List<ObjectNode> targets = matching(array, path.filter());
            if (targets.isEmpty()) {
                ObjectNode created = array.addObject();
                path.filter().terms().forEach(term -> created.set(term.attribute(), term.value().deepCopy()));
                targets = List.of(created);
            }
            for (ObjectNode target : targets) {
                if (path.subAttribute() != null) {
                    target.set(ScimJson.keyOf(target, path.subAttribute()), value.deepCopy());
                } else if (value.isObject()) {
                    ScimJson.merge(target, value);
                } else {
                    throw ScimException.invalidValue("the elements of " + path.attribute() + " take an object");
                }
            }
            return;
        }
        if (path.subAttribute() != null) {
            ObjectNode parent = ScimJson.objectChild(container, key, true);
            parent.set(ScimJson.keyOf(parent, path.subAttribute()), value.deepCopy());
            return;
        }
        JsonNode current = container.get(key);
        if (add && current instanceof ArrayNode array) {
            for (JsonNode element : value.isArray() ? value : List.of(value)) {
                if (!contains(array, element)) {
                    array.add(element.deepCopy());
                }
            }
        } else if (current instanceof ObjectNode object && value.isObject()) {
            ScimJson.merge(object, value);
        } else {
            container.set(key, value.deepCopy());
        }
    }

    private static void remove(ObjectNode resource, ScimPath path, JsonNode value) {
        if (readOnly(path, null, null)) {
            return;
        }
        ObjectNode container = path.urn() == null ? resource : ScimJson.objectChild(resource, path.urn(), false);
        if (container == null) {
            return;
        }
        if (path.attribute() == null) {
            resource.remove(ScimJson.keyOf(resource, path.urn()));
            return;
        }
        String key = ScimJson.keyOf(container, path.attribute());
        JsonNode current = container.get(key);
        if (path.filter() == null && path.subAttribute() == null) {
            if (value != null && value.isArray() && current instanceof ArrayNode array) {
                for (JsonNode element : value) {
                    removeWhere(array, candidate -> sameValue(candidate, element));
                }
            } else {
                container.remove(key);
            }
        } else if (path.filter() == null) {
            if (current instanceof ObjectNode object) {
                object.remove(ScimJson.keyOf(object, path.subAttribute()));
            }
        } else if (current instanceof ArrayNode array) {
            if (path.subAttribute() == null) {
                removeWhere(array, path.filter()::matches);
            } else {
                matching(array, path.filter()).forEach(target -> target.remove(ScimJson.keyOf(target, path.subAttribute())));
            }
        }
    }

    /** id and meta are the server's: an id equal to the resource's own (Okta sends it back) changes nothing. */
    private static boolean readOnly(ScimPath path, JsonNode value, String id) {
        String top = path.urn() == null && path.attribute() != null ? path.attribute().toLowerCase(Locale.ROOT) : "";
        if (top.equals("schemas")) {
            return true;
        }
        if (top.equals("id") && value != null && value.isString() && value.asString().equals(id) && path.subAttribute() == null) {
            return true;
        }
        if (top.equals("id") || top.equals("meta")) {
            throw ScimException.mutability("'" + path.attribute() + "' is set by the server and cannot be changed");
        }
        return false;
    }

    private static List<ObjectNode> matching(ArrayNode array, ScimFilter filter) {
        List<ObjectNode> found = new ArrayList<>();
        for (JsonNode element : array) {
            if (element instanceof ObjectNode object && filter.matches(object)) {
                found.add(object);
            }
        }
        return found;
    }

    private static boolean contains(ArrayNode array, JsonNode element) {
        for (JsonNode existing : array) {
            if (sameValue(existing, element)) {
                return true;
            }
        }
        return false;
    }

    /** Two elements of a multi-valued attribute are the same when their "value"s are (members, emails), else when equal. */
    private static boolean sameValue(JsonNode a, JsonNode b) {
        String va = ScimJson.text(a, "value");
        String vb = ScimJson.text(b, "value");
        return va != null && vb != null ? va.equals(vb) : a.equals(b);
    }

    private static void removeWhere(ArrayNode array, java.util.function.Predicate<JsonNode> condition) {
        for (int i = array.size() - 1; i >= 0; i--) {
            if (condition.test(array.get(i))) {
                array.remove(i);
            }
        }
    }

    static ObjectNode emptyObject() {
        return JsonNodeFactory.instance.objectNode();
    }
}
