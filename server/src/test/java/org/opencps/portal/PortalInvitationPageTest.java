package org.opencps.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import jakarta.servlet.http.Cookie;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.access.RoleRef;
import org.opencps.access.Roles;
import org.opencps.identity.Invitations;
import org.opencps.identity.Passwords;
import org.opencps.platform.security.ActorAuthentication;
import org.opencps.platform.ids.OrgId;
import org.opencps.testing.Api;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.Outbox;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The invitation link's page: opened from the mail, it sends the link's token in the form's body,
 * never in the address it posts to (which access logs and history keep), and tells the browser to
 * send no Referer anywhere.
 */
@OpenCpsTest
@RealCsrfTokens
class PortalInvitationPageTest {

    static final String PASSWORD = "Brand-New-Pass-7";

    @Autowired MockMvc mvc;
    @Autowired World world;
    @Autowired Invitations invitations;
    @Autowired Outbox outbox;
    @Autowired Passwords passwords;
    @Autowired Roles roles;

    @Test
    void theTokenTravelsInTheBodyAndTheNewMemberIsLoggedIn() throws Exception {
        var opened = openInvitation("Invited Ltd", "new.member@invited.example");
        String token = opened.token();
        var browser = opened.browser();
        MvcResult page = opened.page();
        assertThat(page.getResponse().getStatus()).isEqualTo(200);
        assertThat(page.getResponse().getHeader("Referrer-Policy")).isEqualTo("no-referrer");
        String html = page.getResponse().getContentAsString();
        assertThat(html).contains("action=\"/invitations/accept\"", "<input type=\"hidden\" name=\"token\" value=\"" + token + "\">");
        assertThat(html).as("no address on the page carries the token").doesNotContainPattern("(action|href|src)=\"[^\"]*" + token);

        MvcResult accepted = browser.submit("/invitations/accept",
                "token=" + token + "&displayName=Nia+New&password=" + PASSWORD + "&confirmPassword=" + PASSWORD);
        assertThat(accepted.getResponse().getRedirectedUrl()).isEqualTo("/");
        assertThat(accepted.getResponse().getCookie(Api.SESSION_COOKIE)).isNotNull();
        assertThat(browser.open("/account").getResponse().getContentAsString()).contains("Nia New");
    }

    @Test
    void aRefusedAcceptanceShowsTheFormAgainWithTheTokenInItsBody() throws Exception {
        var opened = openInvitation("Typo Ltd", "typo@typo.example");
        String token = opened.token();
        MvcResult refused = opened.browser().submit("/invitations/accept",
                "token=" + token + "&displayName=Tia&password=" + PASSWORD + "&confirmPassword=Other-Pass-8");
        String html = refused.getResponse().getContentAsString();
        assertThat(html).contains("The two passwords differ.", "action=\"/invitations/accept\"",
                "name=\"token\" value=\"" + token + "\"");
        assertThat(refused.getResponse().getCookie(Api.SESSION_COOKIE)).isNull();
        assertThat(invitations.preview(token).accountExists()).isFalse();
    }

    @Test
    void theLinksAddressTakesNoForm() throws Exception {
        var opened = openInvitation("Old Form Ltd", "old.form@old.example");
        String token = opened.token();
        MvcResult answer = opened.browser().submit("/invitations/" + token,
                "displayName=Ola&password=" + PASSWORD + "&confirmPassword=" + PASSWORD);
        assertThat(answer.getResponse().getStatus()).isEqualTo(405);
        assertThat(answer.getResponse().getCookie(Api.SESSION_COOKIE)).isNull();
        assertThat(invitations.preview(token).accountExists()).isFalse();
    }

    @Test
    void someoneLoggedInAsAnotherAccountCannotAcceptForTheInvitedOne() throws Exception {
        OrgId org = world.customer(world.root(), "Someone Else Ltd");
        var invited = world.person(world.customer(world.root(), "Invited Home Ltd"), FixedRole.CUSTOMER_USER);
        passwords.set(invited.userId(), "password", PASSWORD, false);
        invitations.invite(world.person(org, FixedRole.CUSTOMER_ADMIN).actor(), org, invited.email(),
                Set.of(RoleRef.of(FixedRole.PRINT_MANAGER)));
        String token = outbox.lastToken(invited.email(), "inv_");
        var intruder = world.person(org, FixedRole.CUSTOMER_USER);
        var browser = new PortalVisitor(mvc);
        browser.logIn(intruder.email());
        Cookie intruderSession = browser.cookie(Api.SESSION_COOKIE);
        browser.open("/invitations/" + token);
        MvcResult refused = browser.submit("/invitations/accept", "token=" + token + "&password=" + World.PASSWORD);
        assertThat(refused.getResponse().getStatus()).isEqualTo(200);
        assertThat(refused.getResponse().getContentAsString()).contains("Wrong e-mail address or password.", "name=\"token\" value=\"" + token + "\"");
        assertThat(refused.getResponse().getCookie(Api.SESSION_COOKIE)).isNull();
        assertThat(browser.cookie(Api.SESSION_COOKIE).getValue()).isEqualTo(intruderSession.getValue());
        assertThat(roles.rolesOf(org, invited.userId())).isEmpty();
    }

    @Test
    void aProvidersAppointmentRefusedAtAcceptanceSaysWhyInTheVisitorsLanguage() throws Exception {
        OrgId dealer = world.provider(world.root(), "Appointing Dealer Ltd");
        OrgId customer = world.customer(dealer, "Appointed Ltd");
        var dealerAdmin = world.adminOf(dealer).actor();
        invitations.invite(dealerAdmin, customer, "first.admin@appointed.example", Set.of(RoleRef.of(FixedRole.CUSTOMER_ADMIN)));
        invitations.invite(dealerAdmin, customer, "late.admin@appointed.example", Set.of(RoleRef.of(FixedRole.CUSTOMER_ADMIN)));
        invitations.accept(outbox.lastToken("first.admin@appointed.example", "inv_"),
                new Invitations.Acceptance("First Admin", PASSWORD), "127.0.0.1");
        String token = outbox.lastToken("late.admin@appointed.example", "inv_");
        for (var language : Map.of("en", List.of("This invitation cannot be accepted.", "has an administrator now"),
                "de", List.of("Diese Einladung kann nicht angenommen werden.", "hat inzwischen eine Administratorin"),
                "ja", List.of("\u3053\u306e\u62db\u5f85\u306f\u627f\u8afe\u3067\u304d\u307e\u305b\u3093\u3002",
                        "\u3059\u3067\u306b\u7ba1\u7406\u8005\u304c\u3044\u308b")).entrySet()) {
            var browser = new PortalVisitor(mvc).inLanguage(language.getKey());
            browser.open("/invitations/" + token);
            MvcResult refused = browser.submit("/invitations/accept",
                    "token=" + token + "&displayName=Late&password=" + PASSWORD + "&confirmPassword=" + PASSWORD);
            assertThat(refused.getResponse().getContentAsString()).contains(language.getValue());
            assertThat(refused.getResponse().getCookie(Api.SESSION_COOKIE)).isNull();
        }
        assertThat(invitations.preview(token).accountExists()).isFalse();
        assertThat(roles.adminsOf(customer)).hasSize(1);
    }

    @Test
    void theManagePageOffersToAppointAnAdminOnlyWhileTheOrganizationHasNone() throws Exception {
        OrgId dealer = world.provider(world.root(), "Managing Dealer Ltd");
        OrgId customer = world.customer(dealer, "Managed Ltd");
        var asDealer = authentication(new ActorAuthentication(world.adminOf(dealer).actor()));
        String before = mvc.perform(get("/orgs/" + customer + "/manage").with(asDealer)).andReturn().getResponse().getContentAsString();
        assertThat(before).contains("action=\"/orgs/" + customer + "/invitations\"", "never anyone of your own organization")
                .doesNotContain("already has an administrator");
        world.person(customer, FixedRole.CUSTOMER_ADMIN);
        String after = mvc.perform(get("/orgs/" + customer + "/manage").with(asDealer)).andReturn().getResponse().getContentAsString();
        assertThat(after).contains("already has an administrator").doesNotContain("action=\"/orgs/" + customer + "/invitations\"");
    }

    /** The link's token, and a browser that opened the link's page (the page it got). */
    record Opened(String token, PortalVisitor browser, MvcResult page) {
    }

    /** Invites the address to a new customer and opens the mailed link, as a visitor. */
    private Opened openInvitation(String organization, String email) throws Exception {
        OrgId org = world.customer(world.root(), organization);
        invitations.invite(world.person(org, FixedRole.CUSTOMER_ADMIN).actor(), org, email,
                Set.of(RoleRef.of(FixedRole.CUSTOMER_USER)));
        String token = outbox.lastToken(email, "inv_");
        var browser = new PortalVisitor(mvc);
        return new Opened(token, browser, browser.open("/invitations/" + token));
    }
}
