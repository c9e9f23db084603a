package org.opencps.identity.scim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencps.identity.ScimTokens;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The requests Okta's SCIM 2.0 client sends, in the shapes of Okta's "SCIM 2.0 protocol reference": a user looked up
 * by userName with startIndex and count, created with a password (which OpenCPS never keeps), updated with PUT,
 * deactivated and reactivated with {@code {"op":"replace","value":{"active":false}}} (Okta never deletes users); Group
 * Push creating a group, renaming it with a path-less replace that repeats the id, adding members, removing one with
 * {@code members[value eq "..."]}, replacing them with PUT, and deleting the group.
 */
@OpenCpsTest
class OktaProvisioningTest {

    private static final String PATCH_OP = "\"schemas\": [\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"]";

    @Autowired MockMvc mvc;
    @Autowired World world;
    @Autowired ScimTokens tokens;
    @Autowired JdbcClient jdbc;

    private ScimFixture acme;
    private ScimClient okta;

    @BeforeEach
    void setUp() {
        acme = ScimFixture.of(world, tokens, mvc, jdbc, "Acme");
        okta = acme.client();
    }

    @Test
    void aUserIsLookedUpCreatedUpdatedDeactivatedAndReactivated() throws Exception {
        String userName = "test.user." + UUID.randomUUID().toString().substring(0, 8) + "@okta.local";
        var lookup = okta.get("/Users?filter=userName eq \"" + userName + "\"&startIndex=1&count=100");
        assertThat(lookup.json().path("totalResults").asInt()).isZero();
        assertThat(lookup.json().path("startIndex").asInt()).isEqualTo(1);

        var created = okta.post("/Users", """
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "userName": "%1$s",
                 "name": {"givenName": "Test", "familyName": "User"},
                 "emails": [{"primary": true, "value": "%1$s", "type": "work"}],
                 "displayName": "Test User", "locale": "en-US", "externalId": "00ujl29u0le5T6Aj10h7",
                 "groups": [], "password": "1mz050nq", "active": true}""".formatted(userName));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().path("id").asString();
        assertThat(created.json().has("password")).isFalse();
        assertThat(created.json().path("locale").asString()).as("attributes OpenCPS does not use are kept").isEqualTo("en-US");
        assertThat(jdbc.sql("SELECT attributes FROM identity_scim_user WHERE user_id = ?").param(UUID.fromString(id))
                .query(String.class).single()).doesNotContain("1mz050nq");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM identity_password WHERE user_id = ?").param(UUID.fromString(id))
                .query(Integer.class).single()).as("no password is set from the provider's").isZero();

        assertThat(okta.get("/Users/" + id).json().path("displayName").asString()).isEqualTo("Test User");

        var replaced = okta.put("/Users/" + id, """
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "id": "%2$s", "userName": "%1$s",
                 "name": {"givenName": "Another", "familyName": "User"},
                 "emails": [{"primary": true, "value": "%1$s", "type": "work"}],
                 "displayName": "Another User", "locale": "en-US", "externalId": "00ujl29u0le5T6Aj10h7",
                 "groups": [], "active": true,
                 "meta": {"resourceType": "User", "created": "2020-01-01T00:00:00Z"}}""".formatted(userName, id));
        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
        assertThat(replaced.json().path("name").path("givenName").asString()).isEqualTo("Another");
        assertThat(jdbc.sql("SELECT display_name FROM identity_user WHERE id = ?").param(UUID.fromString(id)).query(String.class).single())
                .isEqualTo("Another User");

        var deactivated = okta.patch("/Users/" + id, """
                {%s, "Operations": [{"op": "replace", "value": {"active": false}}]}""".formatted(PATCH_OP));
        assertThat(deactivated.status()).as(deactivated.toString()).isEqualTo(200);
        assertThat(deactivated.json().path("active").asBoolean()).isFalse();
        assertThat(acme.isMember(id)).isFalse();

        var reactivated = okta.patch("/Users/" + id, """
                {%s, "Operations": [{"op": "replace", "value": {"active": true}}]}""".formatted(PATCH_OP));
        assertThat(reactivated.json().path("active").asBoolean()).isTrue();
        assertThat(acme.isMember(id)).isTrue();
    }

    @Test
    void groupPushCreatesRenamesFillsAndDeletesAGroup() throws Exception {
        String first = user();
        String second = user();
        String name = "Test SCIMv2 " + UUID.randomUUID().toString().substring(0, 8);

        var created = okta.post("/Groups", """
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"], "displayName": "%s", "members": []}""".formatted(name));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().path("id").asString();

        var listed = okta.get("/Groups?startIndex=1&count=100");
        assertThat(listed.json().path("totalResults").asInt()).isEqualTo(1);
        assertThat(listed.json().path("Resources").get(0).path("id").asString()).isEqualTo(id);

        var renamed = okta.patch("/Groups/" + id, """
                {%s, "Operations": [{"op": "replace", "value": {"id": "%s", "displayName": "%s renamed"}}]}"""
                .formatted(PATCH_OP, id, name));
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(acme.groupName(id)).isEqualTo(name + " renamed");

        var added = okta.patch("/Groups/" + id, """
                {%s, "Operations": [{"op": "add", "path": "members", "value": [{"value": "%s", "display": "first"}, {"value": "%s", "display": "second"}]}]}"""
                .formatted(PATCH_OP, first, second));
        assertThat(added.status()).as(added.toString()).isEqualTo(200);
        assertThat(acme.inGroup(id, first)).isTrue();
        assertThat(acme.inGroup(id, second)).isTrue();

        var removed = okta.patch("/Groups/" + id, """
                {%s, "Operations": [{"op": "remove", "path": "members[value eq \\"%s\\"]"}]}""".formatted(PATCH_OP, first));
        assertThat(removed.status()).as(removed.toString()).isEqualTo(200);
        assertThat(acme.inGroup(id, first)).isFalse();
        assertThat(acme.inGroup(id, second)).isTrue();

        var put = okta.put("/Groups/" + id, """
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"], "id": "%s", "displayName": "%s",
                 "members": [{"value": "%s", "display": "first"}]}""".formatted(id, name, first));
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        assertThat(acme.inGroup(id, first)).isTrue();
        assertThat(acme.inGroup(id, second)).isFalse();
        assertThat(acme.groupName(id)).isEqualTo(name);

        assertThat(okta.delete("/Groups/" + id).status()).isEqualTo(204);
        assertThat(acme.groupName(id)).isNull();
    }

    @Test
    void aDeactivatedMemberIsListedInTheGroupAndGetsItBackOnReactivation() throws Exception {
        String person = user();
        var group = okta.post("/Groups", """
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"], "displayName": "Keepers %s",
                 "members": [{"value": "%s"}]}""".formatted(UUID.randomUUID().toString().substring(0, 8), person));
        String groupId = group.json().path("id").asString();
        assertThat(acme.inGroup(groupId, person)).isTrue();

        okta.patch("/Users/" + person, """
                {%s, "Operations": [{"op": "replace", "value": {"active": false}}]}""".formatted(PATCH_OP));
        assertThat(acme.inGroup(groupId, person)).isFalse();
        assertThat(okta.get("/Groups/" + groupId).json().path("members").get(0).path("value").asString()).isEqualTo(person);

        okta.patch("/Users/" + person, """
                {%s, "Operations": [{"op": "replace", "value": {"active": true}}]}""".formatted(PATCH_OP));
        assertThat(acme.inGroup(groupId, person)).isTrue();
    }

    private String user() throws Exception {
        String userName = "u" + UUID.randomUUID().toString().substring(0, 8) + "@okta.local";
        var created = okta.post("/Users", """
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "userName": "%s", "active": true}""".formatted(userName));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("id").asString();
    }
}
