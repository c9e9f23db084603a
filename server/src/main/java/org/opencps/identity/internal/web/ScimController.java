package org.opencps.identity.internal.web;

import java.net.URI;
import org.opencps.identity.internal.scim.ScimDiscovery;
import org.opencps.identity.internal.scim.ScimException;
import org.opencps.identity.internal.scim.ScimGroups;
import org.opencps.identity.internal.scim.ScimResources;
import org.opencps.identity.internal.scim.ScimUsers;
import org.opencps.identity.internal.web.ScimSecurity.ScimClient;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * SCIM 2.0 (RFC 7644) at {@code /scim/v2}, for the organization whose SCIM token the request carries: Users, Groups
 * and the discovery endpoints. Authenticates through {@link ScimSecurity} and decides nothing itself.
 */
@RestController
@RequestMapping("/scim/v2")
class ScimController {

    private final ScimUsers users;
    private final ScimGroups groups;
    private final ScimDiscovery discovery;
    private final JsonMapper json;

    ScimController(ScimUsers users, ScimGroups groups, ScimDiscovery discovery, JsonMapper json) {
        this.users = users;
        this.groups = groups;
        this.discovery = discovery;
        this.json = json;
    }

    @GetMapping("/ServiceProviderConfig")
    ResponseEntity<JsonNode> serviceProviderConfig(ScimClient client) {
        return ok(discovery.serviceProviderConfig());
    }

    @GetMapping("/ResourceTypes")
    ResponseEntity<JsonNode> resourceTypes(ScimClient client) {
        return ok(discovery.resourceTypes());
    }

    @GetMapping("/ResourceTypes/{id}")
    ResponseEntity<JsonNode> resourceType(ScimClient client, @PathVariable String id) {
        return ok(discovery.resourceType(id));
    }

    @GetMapping("/Schemas")
    ResponseEntity<JsonNode> schemas(ScimClient client) {
        return ok(discovery.schemas());
    }

    @GetMapping("/Schemas/{id}")
    ResponseEntity<JsonNode> schema(ScimClient client, @PathVariable String id) {
        return ok(discovery.schema(id));
    }

    @GetMapping("/Users")
    ResponseEntity<JsonNode> users(ScimClient client, @RequestParam(required = false) String filter,
                                   @RequestParam(required = false) Integer startIndex, @RequestParam(required = false) Integer count,
                                   @RequestParam(required = false) String attributes,
                                   @RequestParam(required = false) String excludedAttributes) {
        return ok(ScimResources.project(users.list(client.org(), filter, ScimResources.Page.of(startIndex, count)),
                attributes, excludedAttributes));
    }

    @PostMapping("/Users")
    ResponseEntity<JsonNode> createUser(ScimClient client, @RequestBody String body) {
        return created(users.create(client.org(), parse(body)));
    }

    @GetMapping("/Users/{id}")
    ResponseEntity<JsonNode> user(ScimClient client, @PathVariable String id, @RequestParam(required = false) String attributes,
                                  @RequestParam(required = false) String excludedAttributes) {
        return ok(ScimResources.project(users.get(client.org(), id), attributes, excludedAttributes));
    }

    @PutMapping("/Users/{id}")
    ResponseEntity<JsonNode> replaceUser(ScimClient client, @PathVariable String id, @RequestBody String body) {
        return ok(users.replace(client.org(), id, parse(body)));
    }

    @PatchMapping("/Users/{id}")
    ResponseEntity<JsonNode> patchUser(ScimClient client, @PathVariable String id, @RequestBody String body) {
        return ok(users.patch(client.org(), id, parse(body)));
    }

    @DeleteMapping("/Users/{id}")
    ResponseEntity<Void> deleteUser(ScimClient client, @PathVariable String id) {
        users.delete(client.org(), id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/Groups")
    ResponseEntity<JsonNode> groups(ScimClient client, @RequestParam(required = false) String filter,
                                    @RequestParam(required = false) Integer startIndex, @RequestParam(required = false) Integer count,
                                    @RequestParam(required = false) String attributes,
                                    @RequestParam(required = false) String excludedAttributes) {
        return ok(ScimResources.project(groups.list(client.org(), filter, ScimResources.Page.of(startIndex, count)),
                attributes, excludedAttributes));
    }

    @PostMapping("/Groups")
    ResponseEntity<JsonNode> createGroup(ScimClient client, @RequestBody String body) {
        return created(groups.create(client.org(), parse(body)));
    }

    @GetMapping("/Groups/{id}")
    ResponseEntity<JsonNode> group(ScimClient client, @PathVariable String id, @RequestParam(required = false) String attributes,
                                   @RequestParam(required = false) String excludedAttributes) {
        return ok(ScimResources.project(groups.get(client.org(), id), attributes, excludedAttributes));
    }

    @PutMapping("/Groups/{id}")
    ResponseEntity<JsonNode> replaceGroup(ScimClient client, @PathVariable String id, @RequestBody String body) {
        return ok(groups.replace(client.org(), id, parse(body)));
    }

    @PatchMapping("/Groups/{id}")
    ResponseEntity<JsonNode> patchGroup(ScimClient client, @PathVariable String id, @RequestBody String body) {
        return ok(groups.patch(client.org(), id, parse(body)));
    }

    @DeleteMapping("/Groups/{id}")
    ResponseEntity<Void> deleteGroup(ScimClient client, @PathVariable String id) {
        groups.delete(client.org(), id);
        return ResponseEntity.noContent().build();
    }

    /** Anything else under /scim/v2 (Bulk, /Me, a wrong method): a SCIM 404 rather than the portal's error page. */
    @RequestMapping(path = "/**", method = {RequestMethod.GET, RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH,
            RequestMethod.DELETE})
    ResponseEntity<JsonNode> unknown(ScimClient client) {
        throw new ScimException(404, null, "no such SCIM endpoint: Users, Groups, ServiceProviderConfig, ResourceTypes and Schemas exist");
    }

    private JsonNode parse(String body) {
        try {
            return json.readTree(body);
        } catch (JacksonException e) {
            throw new ScimException(400, "invalidSyntax", "the request body is not valid JSON");
        }
    }

    private static ResponseEntity<JsonNode> ok(JsonNode body) {
        return ResponseEntity.ok().contentType(ScimErrors.SCIM_JSON).body(body);
    }

    private static ResponseEntity<JsonNode> created(JsonNode body) {
        return ResponseEntity.created(URI.create(body.path("meta").path("location").asString()))
                .contentType(ScimErrors.SCIM_JSON).body(body);
    }
}
