package org.opencps.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.access.RoleRef;
import org.opencps.identity.Invitations;
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
        assertThat(html).contains("the two passwords differ", "action=\"/invitations/accept\"",
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
