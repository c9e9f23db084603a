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
 * The requests Microsoft Entra ID's provisioning service sends, in the order and shapes Microsoft documents them
 * ("Tutorial: Develop and plan provisioning for a SCIM endpoint", sections User Operations and Group Operations):
 * capitalised op names, {@code emails[type eq "work"].value} paths, {@code active} as the string "False" (what Entra
 * sends without the aadOptscim062020 flag), members added and removed by value lists, {@code excludedAttributes=members}.
 */
@OpenCpsTest
class EntraIdProvisioningTest {

    private static final String PATCH_OP = "\"schemas\": [\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"]";

    @Autowired MockMvc mvc;
    @Autowired World world;
    @Autowired ScimTokens tokens;
    @Autowired JdbcClient jdbc;

    private ScimFixture contoso;
    private ScimClient entra;

    @BeforeEach
    void setUp() {
        contoso = ScimFixture.of(world, tokens, mvc, jdbc, "Contoso");
        entra = contoso.client();
    }

    @Test
    void aUserIsProvisionedUpdatedDisabledAndDeleted() throws Exception {
        String suffix = UUID.randomUUID().toString();
        String userName = "Test_User_" + suffix;
        String email = "test_user_" + suffix.substring(0, 8) + "@contoso.example";

        var probe = entra.get("/Users?filter=userName eq \"" + UUID.randomUUID() + "\"");
        assertThat(probe.status()).isEqualTo(200);
        assertThat(probe.contentType()).startsWith("application/scim+json");
        assertThat(probe.json().path("totalResults").asInt()).isZero();
        assertThat(probe.json().path("Resources").size()).isZero();
        assertThat(probe.json().path("schemas").get(0).asString()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:ListResponse");

        var created = entra.post("/Users", """
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
                 "externalId": "0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef",
                 "userName": "%s",
                 "active": true,
                 "emails": [{"primary": true, "type": "work", "value": "%s"}],
                 "meta": {"resourceType": "User"},
                 "name": {"formatted": "givenName familyName", "familyName": "familyName", "givenName": "givenName"},
                 "roles": []}""".formatted(userName, email));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().path("id").asString();
        assertThat(created.header("Location")).endsWith("/scim/v2/Users/" + id);
        assertThat(created.json().path("userName").asString()).isEqualTo(userName);
        assertThat(created.json().path("externalId").asString()).isEqualTo("0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef");
        assertThat(created.json().path("active").asBoolean()).isTrue();
        assertThat(created.json().path("name").path("familyName").asString()).isEqualTo("familyName");
        assertThat(created.json().path("meta").path("resourceType").asString()).isEqualTo("User");
        assertThat(contoso.account(email)).hasToString(id);
        assertThat(contoso.isMember(id)).as("a provisioned user is a member of the organization").isTrue();

        var found = entra.get("/Users?filter=userName eq \"" + userName + "\"");
        assertThat(found.json().path("totalResults").asInt()).isEqualTo(1);
        assertThat(found.json().path("Resources").get(0).path("id").asString()).isEqualTo(id);
        assertThat(entra.get("/Users/" + id).json().path("userName").asString()).isEqualTo(userName);

        String newEmail = "updated_" + suffix.substring(0, 8) + "@contoso.example";
        var multiValued = entra.patch("/Users/" + id, """
                {%s, "Operations": [
                  {"op": "Replace", "path": "emails[type eq \\"work\\"].value", "value": "%s"},
                  {"op": "Replace", "path": "name.familyName", "value": "updatedFamilyName"}]}""".formatted(PATCH_OP, newEmail));
        assertThat(multiValued.status()).as(multiValued.toString()).isEqualTo(200);
        assertThat(multiValued.json().path("emails").size()).isEqualTo(1);
        assertThat(multiValued.json().path("emails").get(0).path("value").asString()).isEqualTo(newEmail);
        assertThat(multiValued.json().path("name").path("familyName").asString()).isEqualTo("updatedFamilyName");
        assertThat(contoso.emailOf(id)).as("the provisioned account follows the provider's address").isEqualTo(newEmail);

        String newUserName = UUID.randomUUID() + "@testuser.com";
        var singleValued = entra.patch("/Users/" + id, """
                {%s, "Operations": [{"op": "Replace", "path": "userName", "value": "%s"}]}""".formatted(PATCH_OP, newUserName));
        assertThat(singleValued.status()).isEqualTo(200);
        assertThat(entra.get("/Users?filter=userName eq \"" + newUserName.toUpperCase() + "\"").json().path("totalResults").asInt())
                .as("userName is not case-exact").isEqualTo(1);

        var disabled = entra.patch("/Users/" + id, """
                {"Operations": [{"op": "Replace", "path": "active", "value": "False"}], %s}""".formatted(PATCH_OP));
        assertThat(disabled.status()).as(disabled.toString()).isEqualTo(200);
        assertThat(disabled.json().path("active").isBoolean()).isTrue();
        assertThat(disabled.json().path("active").asBoolean()).isFalse();
        assertThat(contoso.isMember(id)).as("a disabled user is no member").isFalse();
        assertThat(entra.get("/Users/" + id).json().path("active").asBoolean()).as("a disabled user is still listed, inactive").isFalse();

        var enabled = entra.patch("/Users/" + id, """
                {"Operations": [{"op": "Replace", "path": "active", "value": true}], %s}""".formatted(PATCH_OP));
        assertThat(enabled.json().path("active").asBoolean()).isTrue();
        assertThat(contoso.isMember(id)).isTrue();

        var deleted = entra.delete("/Users/" + id);
        assertThat(deleted.status()).isEqualTo(204);
        var gone = entra.get("/Users/" + id);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.json().path("schemas").get(0).asString()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
        assertThat(gone.json().path("status").asString()).isEqualTo("404");
        assertThat(contoso.account(newEmail)).as("the account provisioning made, in no other organization, is deleted").isNull();
    }

    @Test
    void aGroupIsCreatedRenamedGivenAndTakenMembersAndDeleted() throws Exception {
        String alice = user("alice");
        String bob = user("bob");
        String displayName = "Printing " + UUID.randomUUID().toString().substring(0, 8);

        var created = entra.post("/Groups", """
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group",
                             "http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group"],
                 "externalId": "8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159",
                 "displayName": "%s",
                 "meta": {"resourceType": "Group"}}""".formatted(displayName));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().path("id").asString();
        assertThat(created.json().path("members").size()).isZero();
        assertThat(contoso.groupName(id)).isEqualTo(displayName);

        var byName = entra.get("/Groups?excludedAttributes=members&filter=displayName eq \"" + displayName + "\"");
        assertThat(byName.json().path("totalResults").asInt()).isEqualTo(1);
        assertThat(byName.json().path("Resources").get(0).has("members")).isFalse();
        assertThat(byName.json().path("Resources").get(0).path("externalId").asString()).isEqualTo("8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159");
        assertThat(entra.get("/Groups/" + id + "?excludedAttributes=members").json().has("members")).isFalse();

        String renamed = displayName + "updatedDisplayName";
        var rename = entra.patch("/Groups/" + id, """
                {%s, "Operations": [{"op": "Replace", "path": "displayName", "value": "%s"}]}""".formatted(PATCH_OP, renamed));
        assertThat(rename.status()).as(rename.toString()).isEqualTo(200);
        assertThat(contoso.groupName(id)).isEqualTo(renamed);

        var add = entra.patch("/Groups/" + id, """
                {%s, "Operations": [{"op": "Add", "path": "members", "value": [{"$ref": null, "value": "%s"}, {"$ref": null, "value": "%s"}]}]}"""
                .formatted(PATCH_OP, alice, bob));
        assertThat(add.status()).as(add.toString()).isEqualTo(200);
        assertThat(contoso.inGroup(id, alice)).isTrue();
        assertThat(contoso.inGroup(id, bob)).isTrue();

        var remove = entra.patch("/Groups/" + id, """
                {%s, "Operations": [{"op": "Remove", "path": "members", "value": [{"$ref": null, "value": "%s"}]}]}"""
                .formatted(PATCH_OP, alice));
        assertThat(remove.status()).isEqualTo(200);
        assertThat(contoso.inGroup(id, alice)).isFalse();
        assertThat(contoso.inGroup(id, bob)).isTrue();
        assertThat(remove.json().path("members").size()).isEqualTo(1);
        assertThat(remove.json().path("members").get(0).path("value").asString()).isEqualTo(bob);

        assertThat(entra.delete("/Groups/" + id).status()).isEqualTo(204);
        assertThat(contoso.groupName(id)).isNull();
        assertThat(entra.get("/Groups/" + id).status()).isEqualTo(404);
        assertThat(contoso.isMember(bob)).as("deleting a group removes nobody from the organization").isTrue();
    }

    private String user(String name) throws Exception {
        String email = name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@contoso.example";
        var created = entra.post("/Users", """
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "userName": "%s", "active": true,
                 "emails": [{"primary": true, "type": "work", "value": "%s"}]}""".formatted(email, email));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("id").asString();
    }
}
