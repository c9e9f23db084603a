package org.opencps.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencps.testing.Api.json;
import static org.opencps.testing.Api.login;
import static org.opencps.testing.Eventually.eventually;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import java.io.ByteArrayInputStream;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.printing.DocumentFormat;
import org.opencps.printing.JobTicket;
import org.opencps.printing.PrintJob;
import org.opencps.printing.PrintJobs;
import org.opencps.printing.SampleDocuments;
import org.opencps.testing.Altchas;
import org.opencps.testing.Api;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.Outbox;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * PRODUCT.md §2, "managing people's credentials never yields one": besides ID cards (see
 * devices.CardRegisteredByAnotherTest), nothing an admin can do with a member's account (reset
 * the password or PIN, change the e-mail address, invite or re-invite, make an API token) hands
 * the admin a way to act as that member in the portal, at a printer or over the API.
 */
@OpenCpsTest
class CredentialHandoverTest {

    /**
     * Every route that acts on another person's account, each reviewed for this rule. A route
     * added under a member (a password or e-mail change, a token for someone) must be reviewed
     * and listed here.
     */
    static final Set<String> ROUTES_ON_ANOTHER_PERSON = Set.of(
            "GET /api/v1/organizations/{orgId}/members/{userId}",
            "PUT /api/v1/organizations/{orgId}/members/{userId}/roles",
            "DELETE /api/v1/organizations/{orgId}/members/{userId}",
            // the new PIN is shown only to the member (PinsTest#anAdminResetsAMembersPinAnyTimeWithoutSeeingIt)
            "POST /api/v1/organizations/{orgId}/members/{userId}/pin/reset",
            // a card registered here waits for the member (devices.CardRegisteredByAnotherTest)
            "GET /api/v1/organizations/{orgId}/members/{userId}/cards",
            "POST /api/v1/organizations/{orgId}/members/{userId}/cards",
            "DELETE /api/v1/organizations/{orgId}/members/{userId}/cards/{cardId}",
            "PUT /api/v1/organizations/{orgId}/groups/{groupId}/members/{userId}",
            "DELETE /api/v1/organizations/{orgId}/groups/{groupId}/members/{userId}",
            "GET /api/v1/organizations/{orgId}/quotas/users/{userId}",
            "PUT /api/v1/organizations/{orgId}/quotas/users/{userId}",
            "GET /orgs/{orgId}/users/{userId}",
            "POST /orgs/{orgId}/users/{userId}/roles",
            "POST /orgs/{orgId}/users/{userId}/pin-reset",
            "POST /orgs/{orgId}/users/{userId}/cards",
            "POST /orgs/{orgId}/users/{userId}/cards/{cardId}/delete",
            "POST /orgs/{orgId}/users/{userId}/remove",
            "POST /orgs/{orgId}/groups/{groupId}/members/{userId}/remove",
            "POST /orgs/{orgId}/quotas/users/{userId}",
            // an admin resets a member's second factor: it only takes the factor away (SecondFactorResetTest)
            "DELETE /api/v1/organizations/{orgId}/members/{userId}/second-factor",
            "POST /orgs/{orgId}/users/{userId}/second-factor-reset",
            // an admin confirms that a person Google Workspace no longer lists leaves: membership and sessions end, no credential is set
            // (GoogleWorkspaceImportTest)
            "POST /api/v1/organizations/{orgId}/google-workspace/gone/{userId}/deactivate",
            "POST /orgs/{orgId}/google-workspace/gone/{userId}/deactivate");

    @Autowired MockMvc mvc;
    @Autowired World world;
    @Autowired Outbox outbox;
    @Autowired PrintJobs printJobs;
    @Autowired Pins pins;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

    @Test
    void noRouteSetsAnotherPersonsPasswordEmailOrToken() {
        Set<String> routes = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().stream()
                .filter(pattern -> pattern.contains("{userId}"))
                .forEach(pattern -> info.getMethodsCondition().getMethods().forEach(method -> routes.add(method.name() + " " + pattern))));
        assertThat(routes).as("routes acting on another person's account").isEqualTo(new TreeSet<>(ROUTES_ON_ANOTHER_PERSON));
        assertThat(routes).noneMatch(route -> route.matches("(?i).*(password|e-?mail|token|session|login).*"));
    }

    @Test
    void anAdminAskingForAMembersPasswordResetGetsNeitherLinkNorPassword() throws Exception {
        var org = world.customer(world.root(), "Reset Handover Co");
        var admin = world.person(org, FixedRole.CUSTOMER_ADMIN);
        var member = world.person(org, FixedRole.CUSTOMER_USER);
        Cookie adminSession = login(mvc, admin.email(), World.PASSWORD);
        String challenge = mvc.perform(get("/api/v1/auth/challenge")).andReturn().getResponse().getContentAsString();

        var answer = mvc.perform(json(post("/api/v1/auth/password-reset").cookie(adminSession).with(Api.fromOwnAddress()),
                "{\"email\":\"" + member.email() + "\",\"altcha\":\"" + Altchas.solve(challenge) + "\"}"))
                .andExpect(status().isAccepted()).andReturn().getResponse();
        assertThat(answer.getContentAsString()).doesNotContain("rst_");
        assertThat(answer.getHeaderNames().stream().map(answer::getHeader)).noneMatch(value -> value.contains("rst_"));
        // the link went to the member's mailbox and nowhere else
        assertThat(outbox.lastToken(member.email(), "rst_")).startsWith("rst_");
        assertThat(outbox.messagesTo(admin.email())).isEmpty();
        // and the member's password is what it was
        login(mvc, member.email(), World.PASSWORD);
    }

    @Test
    void anAdminsPinResetIsSeenOnlyByTheMemberWhoIsToldByMail() throws Exception {
        var org = world.customer(world.root(), "Pin Handover Co");
        var admin = world.person(org, FixedRole.CUSTOMER_ADMIN);
        var member = world.person(org, FixedRole.CUSTOMER_USER);
        String old = pins.myPin(member.actor()).pin();
        var answer = mvc.perform(post("/api/v1/organizations/" + org + "/members/" + member.userId() + "/pin/reset")
                .cookie(login(mvc, admin.email(), World.PASSWORD))).andExpect(status().isNoContent()).andReturn().getResponse();
        String fresh = pins.myPin(member.actor()).pin();
        assertThat(fresh).isNotEqualTo(old);
        assertThat(answer.getContentAsString()).doesNotContain(fresh);

        eventually(() -> assertThat(outbox.messagesTo(member.email())).singleElement().asString()
                .contains(admin.email(), "Pin Handover Co", "Your old PIN no longer works", "/pin").doesNotContain(fresh));
        assertThat(outbox.messagesTo(admin.email())).isEmpty();
        // no mail carries a PIN, old or new
        assertThat(String.join("\n", outbox.messagesTo(member.email()))).doesNotContain(old);
    }

    @Test
    void anInvitationToAnExistingPersonNeverHandsTheAdminTheirAccount() throws Exception {
        var home = world.customer(world.root(), "Invite Home Co");
        var org = world.customer(world.root(), "Invite Handover Co");
        var person = world.person(home, FixedRole.CUSTOMER_USER);
        var admin = world.person(org, FixedRole.CUSTOMER_ADMIN);
        Cookie adminSession = login(mvc, admin.email(), World.PASSWORD);

        String invite = "{\"email\":\"" + person.email() + "\",\"roles\":[\"CUSTOMER_USER\"]}";
        var first = mvc.perform(json(post("/api/v1/organizations/" + org + "/invitations").cookie(adminSession), invite))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        // sent again (the earlier link is withdrawn): the link still goes to the person only
        var again = mvc.perform(json(post("/api/v1/organizations/" + org + "/invitations").cookie(adminSession), invite))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String listed = mvc.perform(get("/api/v1/organizations/" + org + "/invitations").cookie(adminSession))
                .andReturn().getResponse().getContentAsString();
        assertThat(first + again + listed).doesNotContain("inv_");
        assertThat(outbox.messagesTo(admin.email())).isEmpty();
        String token = outbox.lastToken(person.email(), "inv_");

        // even holding the link, the admin must prove they are the person: their own password, or their own session, does not
        mvc.perform(json(post("/api/v1/invitations/" + token + "/accept"), "{\"password\":\"" + World.PASSWORD + "x\"}"))
                .andExpect(status().isUnauthorized());
        var asAdmin = mvc.perform(json(post("/api/v1/invitations/" + token + "/accept").cookie(adminSession), "{\"password\":\"\"}"))
                .andReturn().getResponse();
        assertThat(asAdmin.getStatus()).isEqualTo(401);
        assertThat(asAdmin.getCookie(Api.SESSION_COOKIE)).isNull();
        assertThat(JsonPath.<Integer>read(mvc.perform(get("/api/v1/me/organizations").cookie(login(mvc, person.email(), World.PASSWORD)))
                .andReturn().getResponse().getContentAsString(), "$.length()")).isEqualTo(1);
    }

    @Test
    void anApiTokenAnAdminMakesActsAsTheAdminAndNeverAsTheMember() throws Exception {
        var org = world.customer(world.root(), "Token Handover Co");
        var admin = world.person(org, FixedRole.CUSTOMER_ADMIN);
        var member = world.person(org, FixedRole.CUSTOMER_USER);
        PrintJob job = printJobs.submit(member.actor(), new JobTicket("member.pdf", DocumentFormat.PDF, 1, null, null, null, null),
                new ByteArrayInputStream(SampleDocuments.pdf(1)));
        Cookie adminSession = login(mvc, admin.email(), World.PASSWORD);

        // a member's id in the body is not a way to make a token for them
        var created = mvc.perform(json(post("/api/v1/me/tokens").cookie(adminSession),
                "{\"name\":\"for the member\",\"lifetimeDays\":1,\"userId\":\"" + member.userId() + "\"}")).andReturn().getResponse();
        if (created.getStatus() == 201) {
            String secret = JsonPath.read(created.getContentAsString(), "$.secret");
            mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + secret))
                    .andExpect(jsonPath("$.id").value(admin.userId().toString()));
            mvc.perform(get("/api/v1/jobs").header("Authorization", "Bearer " + secret)).andExpect(jsonPath("$.length()").value(0));
            mvc.perform(get("/api/v1/jobs/" + job.id() + "/document").header("Authorization", "Bearer " + secret))
                    .andExpect(status().isNotFound());
        } else {
            assertThat(created.getStatus()).isEqualTo(400);
        }
        assertThat(printJobs.mine(member.actor())).singleElement().satisfies(still -> assertThat(still.state()).isEqualTo(PrintJob.State.HELD));
    }
}
