package org.opencps.identity.internal.scim;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The JSON shapes of RFC 7644 that are not resources of their own: meta, list responses, paging and attribute choice. */
public final class ScimResources {

    static final String LIST_RESPONSE = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    static final int DEFAULT_COUNT = 100;
    static final int MAX_COUNT = 200;

    private ScimResources() {
    }

    static ObjectNode meta(String resourceType, Instant created, Instant lastModified, String location, long version) {
        ObjectNode meta = JsonNodeFactory.instance.objectNode();
        meta.put("resourceType", resourceType);
        meta.put("created", created.toString());
        meta.put("lastModified", lastModified.toString());
        meta.put("location", location);
        meta.put("version", "W/\"" + version + "\"");
        return meta;
    }

    /** The 1-based start and the page size the client asked for, within bounds (RFC 7644 §3.4.2.4). */
    public record Page(int startIndex, int count) {

        public static Page of(Integer startIndex, Integer count) {
            int start = startIndex == null || startIndex < 1 ? 1 : startIndex;
            int size = count == null ? DEFAULT_COUNT : Math.max(0, Math.min(count, MAX_COUNT));
            return new Page(start, size);
        }

        int offset() {
            return startIndex - 1;
        }
    }

    static ObjectNode list(List<ObjectNode> resources, long total, Page page) {
        ObjectNode list = JsonNodeFactory.instance.objectNode();
        list.putArray("schemas").add(LIST_RESPONSE);
        list.put("totalResults", total);
        list.put("startIndex", page.startIndex());
        list.put("itemsPerPage", resources.size());
        ArrayNode array = list.putArray("Resources");
        resources.forEach(array::add);
        return list;
    }

    /**
     * The resource with only the {@code attributes} asked for, or without the {@code excludedAttributes} (RFC 7644
     * §3.9); schemas, id and meta always stay. Applied to each resource of a list response too.
     */
    public static JsonNode project(JsonNode body, String attributes, String excludedAttributes) {
        if (body instanceof ObjectNode object && ScimJson.child(object, "Resources") instanceof ArrayNode resources) {
            resources.forEach(resource -> project(resource, attributes, excludedAttributes));
            return body;
        }
        if (!(body instanceof ObjectNode resource)) {
            return body;
        }
        Set<String> always = Set.of("schemas", "id", "meta");
        if (attributes != null && !attributes.isBlank()) {
            Set<String> wanted = names(attributes);
            List<String> drop = resource.propertyNames().stream()
                    .filter(name -> !always.contains(name.toLowerCase(Locale.ROOT)) && !wanted.contains(name.toLowerCase(Locale.ROOT)))
                    .toList();
            resource.remove(drop);
        } else if (excludedAttributes != null && !excludedAttributes.isBlank()) {
            Set<String> unwanted = names(excludedAttributes);
            List<String> drop = resource.propertyNames().stream()
                    .filter(name -> !always.contains(name.toLowerCase(Locale.ROOT)) && unwanted.contains(name.toLowerCase(Locale.ROOT)))
                    .toList();
            resource.remove(drop);
        }
        return resource;
    }

    private static Set<String> names(String csv) {
        return Arrays.stream(csv.split(","))
                .map(String::strip)
                .map(name -> name.contains(".") ? name.substring(0, name.indexOf('.')) : name)
                .map(name -> name.toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
    }
}
