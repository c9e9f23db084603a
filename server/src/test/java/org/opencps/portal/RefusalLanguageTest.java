package org.opencps.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opencps.access.CustomRole;
import org.opencps.access.FixedRole;
import org.opencps.access.Permission;
import org.opencps.access.Roles;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.opencps.platform.security.ActorAuthentication;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * A refused form says why in the reader's language (issue 20), from the module's message key;
 * the API keeps its English problem detail.
 */
@OpenCpsTest
class RefusalLanguageTest {

    @Autowired MockMvc mvc;
    @Autowired World world;
    @Autowired Roles roles;
    @Autowired MessageSource messages;

    @Test
    void aRefusedSettingSaysWhyInTheReadersLanguage() throws Exception {
        OrgId org = world.customer(world.root(), "Sprachdienste GmbH");
        Actor admin = world.person(org, FixedRole.CUSTOMER_ADMIN).actor();
        String settings = "/orgs/" + org + "/settings";

        MvcResult german = send(admin, settings, "de-DE,de;q=0.9", "idleLogoutMinutes=1441&jobRetentionHours=24");
        assertThat(german.getFlashMap().get("error"))
                .isEqualTo("Die automatische Abmeldung liegt zwischen 1 und 1440 Minuten.");
        assertThat(german.getFlashMap().get("errorField")).isEqualTo("idleLogoutMinutes");
        MvcResult japanese = send(admin, settings, "ja",
                "idleLogoutMinutes=30&jobRetentionHours=24&deviceLoginMethods=PIN&ipAllowList=office");
        assertThat(japanese.getFlashMap().get("error")).asString()
                .startsWith("\u300coffice\u300d\u306f IPv4 \u3084 IPv6 \u306e\u30cd\u30c3\u30c8\u30ef\u30fc\u30af\u3067\u306f\u3042\u308a\u307e\u305b\u3093\u3002");

        MvcResult english = send(admin, settings, "en", "idleLogoutMinutes=0&jobRetentionHours=24");
        assertThat(english.getFlashMap().get("error")).isEqualTo("The idle logout is between 1 and 1440 minutes.");
    }

    @Test
    void everyBrokenPasswordRuleIsNamedInTheReadersLanguage() throws Exception {
        Actor person = world.person(world.customer(world.root(), "Regeln KK"), FixedRole.CUSTOMER_USER).actor();
        MvcResult refused = send(person, "/account/password", "ja",
                "currentPassword=" + World.PASSWORD + "&newPassword=abc&confirmPassword=abc");
        assertThat(refused.getFlashMap().get("error")).isEqualTo(
                "\u30d1\u30b9\u30ef\u30fc\u30c9\u304c\u6761\u4ef6\u3092\u6e80\u305f\u3057\u3066\u3044\u307e\u305b\u3093\u3002"
                        + "8 \u6587\u5b57\u4ee5\u4e0a\u306b\u3057\u3066\u304f\u3060\u3055\u3044\u3002 "
                        + "\u6570\u5b57\u3092 1 \u6587\u5b57\u4ee5\u4e0a\u542b\u3081\u3066\u304f\u3060\u3055\u3044\u3002 "
                        + "\u82f1\u5927\u6587\u5b57 (A-Z) \u3092 1 \u6587\u5b57\u4ee5\u4e0a\u542b\u3081\u3066\u304f\u3060\u3055\u3044\u3002 "
                        + "\u8a18\u53f7 (! ? # % & * + - _ \u306a\u3069) \u3092 1 \u6587\u5b57\u4ee5\u4e0a\u542b\u3081\u3066\u304f\u3060\u3055\u3044\u3002");
        assertThat(refused.getFlashMap().get("errorField")).isEqualTo("newPassword");
    }

    @Test
    void aRoleCarryingPermissionsTheManagerLacksIsRefusedNamingThemInTheReadersLanguage() throws Exception {
        OrgId org = world.customer(world.root(), "Rollen GmbH");
        Actor admin = world.person(org, FixedRole.CUSTOMER_ADMIN).actor();
        var manager = world.person(org, FixedRole.CUSTOMER_USER);
        var managerRole = roles.createCustomRole(admin, org, "User manager",
                Set.of(Permission.USERS_VIEW, Permission.USERS_MANAGE, Permission.ROLES_MANAGE));
        roles.setRoles(admin, org, manager.userId(), Set.of(managerRole.ref()));
        var deviceRole = roles.createCustomRole(admin, org, "Device keeper", Set.of(Permission.DEVICES_VIEW, Permission.DEVICES_ADD));
        String delete = "/orgs/" + org + "/roles/" + deviceRole.id() + "/delete";

        assertThat(forbiddenPage(manager.actor(), delete, "de")).contains(
                "Diese Rolle umfasst Berechtigungen, die Sie selbst nicht haben: Ger\u00e4te ansehen, Ger\u00e4te hinzuf\u00fcgen.");
        assertThat(forbiddenPage(manager.actor(), delete, "ja"))
                .contains(messages.getMessage("permission.DEVICES_VIEW", null, Locale.JAPANESE) + "\u3001"
                        + messages.getMessage("permission.DEVICES_ADD", null, Locale.JAPANESE));
        assertThat(roles.customRoles(admin, org)).extracting(CustomRole::name).contains("Device keeper");
    }

    @Test
    void anInvitationToABadAddressIsRefusedInGermanOnThePortalAndInEnglishByTheApi() throws Exception {
        OrgId org = world.customer(world.root(), "Einladungen AG");
        Actor admin = world.person(org, FixedRole.CUSTOMER_ADMIN).actor();

        MvcResult page = send(admin, "/orgs/" + org + "/invitations", "de", "email=kein-at-zeichen&roles=CUSTOMER_USER");
        assertThat(page.getFlashMap().get("error")).isEqualTo("\u201ekein-at-zeichen\u201c ist keine g\u00fcltige E-Mail-Adresse.");
        assertThat(page.getFlashMap().get("errorField")).isEqualTo("email");

        MvcResult api = mvc.perform(post("/api/v1/organizations/" + org + "/invitations").with(csrf())
                .with(authentication(new ActorAuthentication(admin))).header("Accept-Language", "de")
                .contentType(MediaType.APPLICATION_JSON).content("{\"email\":\"kein-at-zeichen\",\"roles\":[\"CUSTOMER_USER\"]}"))
                .andReturn();
        assertThat(api.getResponse().getStatus()).isEqualTo(422);
        String detail = JsonPath.read(api.getResponse().getContentAsString(StandardCharsets.UTF_8), "$.detail");
        assertThat(detail).isEqualTo("'kein-at-zeichen' is not a valid e-mail address");
    }

    /** The 403 page a refused form answers with, as the reader's language shows it. */
    private String forbiddenPage(Actor actor, String url, String language) throws Exception {
        var request = post(url).with(csrf()).with(authentication(new ActorAuthentication(actor))).header("Accept-Language", language);
        MvcResult result = mvc.perform(request).andReturn();
        assertThat(result.getResponse().getStatus()).as(url).isEqualTo(403);
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private MvcResult send(Actor actor, String url, String language, String body) throws Exception {
        var request = post(url).with(csrf()).with(authentication(new ActorAuthentication(actor)))
                .header("Accept-Language", language).contentType("application/x-www-form-urlencoded").content(body);
        MvcResult result = mvc.perform(request).andReturn();
        assertThat(result.getResponse().getStatus()).as(url).isEqualTo(302);
        return result;
    }
}
