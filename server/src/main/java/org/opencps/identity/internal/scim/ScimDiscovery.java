package org.opencps.identity.internal.scim;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.opencps.platform.config.PublicUrl;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** ServiceProviderConfig, ResourceTypes and Schemas (RFC 7644 §4), from the JSON files under resources/scim. */
@Component
public class ScimDiscovery {

    private final JsonMapper json;
    private final PublicUrl publicUrl;

    ScimDiscovery(JsonMapper json, PublicUrl publicUrl) {
        this.json = json;
        this.publicUrl = publicUrl;
    }

    public JsonNode serviceProviderConfig() {
        return load("service-provider-config.json");
    }

    public JsonNode resourceTypes() {
        return listOf(load("resource-types.json"));
    }

    public JsonNode resourceType(String id) {
        return byId(load("resource-types.json"), id, "resource type");
    }

    public JsonNode schemas() {
        return listOf(load("schemas.json"));
    }

    public JsonNode schema(String id) {
        return byId(load("schemas.json"), id, "schema");
    }

    private JsonNode byId(JsonNode all, String id, String what) {
        for (JsonNode one : all) {
            if (one.path("id").asString().equalsIgnoreCase(id)) {
                return one;
            }
        }
        throw ScimException.notFound(what + " " + id);
    }

    private static JsonNode listOf(JsonNode all) {
        List<ObjectNode> resources = new ArrayList<>();
        all.forEach(one -> resources.add((ObjectNode) one));
        return ScimResources.list(resources, resources.size(), new ScimResources.Page(1, resources.size()));
    }

    private JsonNode load(String name) {
        try (InputStream in = ScimDiscovery.class.getResourceAsStream("/scim/" + name)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return json.readTree(text.replace("{base}", publicUrl.base()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
