package org.opencps.portal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.Cookie;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.access.RoleRef;
import org.opencps.identity.Invitations;
import org.opencps.platform.ids.OrgId;
import org.opencps.testing.Api;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.Outbox;
import org.opencps.testing.RowCounts;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The portal's CSRF tokens: a visitor who is not logged in gets theirs in a cookie, so no page
 * that works without a login creates a session row (anyone could fill the table by fetching the
 * login page); every form, the login form first, still needs the token, and a logged-in person's
 * token is a new one bound to their session.
 */
@OpenCpsTest
@RealCsrfTokens
class PortalCsrfTest {

    static final String COOKIE = "OPENCPS_CSRF";

    /** Each form a visitor may send, with a body it takes (wrong or unknown values: nothing is meant to succeed). */
    static final Map<String, String> PUBLIC_FORMS = new LinkedHashMap<>();

    static {
        PUBLIC_FORMS.put("/login", "email=nobody@example.com&password=Wrong-Pass-1");
        PUBLIC_FORMS.put("/password-reset", "email=nobody@example.com&altcha=x");
        PUBLIC_FORMS.put("/reset-password", "token=rst_x&newPassword=Brand-New-Pass-7&confirmPassword=Brand-New-Pass-7");
        PUBLIC_FORMS.put("/verify-email", "token=ver_x");
        PUBLIC_FORMS.put("/invitations/accept", "token=inv_unknown&displayName=X&password=Brand-New-Pass-7&confirmPassword=Brand-New-Pass-7");
        PUBLIC_FORMS.put("/setup", "token=x&organizationName=X&email=x@example.com&displayName=X&password=Brand-New-Pass-7");
        PUBLIC_FORMS.put("/cookies/consent", "back=/login");
        // second-factor: without a pending sign-in it only sends the visitor to the login page
        PUBLIC_FORMS.put("/login/second-factor", "code=123456");
        // passkeys: a passwordless sign-in's challenge proves itself, so asking for one makes no session either
        PUBLIC_FORMS.put("/login/passkey/options", "");
        PUBLIC_FORMS.put("/login/passkey", "id=unknown");
        PUBLIC_FORMS.put("/login/second-factor/passkey/options", "");
        PUBLIC_FORMS.put("/login/second-factor/passkey", "id=unknown");
    }

    @Autowired MockMvc mvc;
    @Autowired World world;
    @Autowired Outbox outbox;
    @Autowired Invitations invitations;
    @Autowired JdbcClient jdbc;

    @Test
    void pagesAndFormsWithoutLoginCreateNoSession() throws Exception {
        OrgId org = world.customer(world.root(), "Stateless Ltd");
        String invited = "guest@stateless.example";
        invitations.invite(world.person(org, FixedRole.CUSTOMER_ADMIN).actor(), org, invited, Set.of(RoleRef.of(FixedRole.CUSTOMER_USER)));
        List<String> pages = new ArrayList<>(PortalRoutesTest.PUBLIC_PAGES);
        pages.add("/invitations/" + outbox.lastToken(invited, "inv_"));
        pages.add("/assets/portal.css");
        int sessions = sessions();

        var visitor = new PortalVisitor(mvc);
        for (String page : pages) {
            MvcResult answer = visitor.open(page);
            assertThat(answer.getResponse().getCookie(Api.SESSION_COOKIE)).as(page).isNull();
        }
        assertThat(visitor.cookie(COOKIE)).as("the token's cookie").isNotNull();
        for (var form : PUBLIC_FORMS.entrySet()) {
            visitor.open("/login");
            MvcResult answer = visitor.submit(form.getKey(), form.getValue());
            assertThat(answer.getResponse().getStatus()).as(form.getKey()).isNotEqualTo(403);
            assertThat(answer.getResponse().getCookie(Api.SESSION_COOKIE)).as(form.getKey()).isNull();
        }
        assertThat(sessions()).as("session rows").isEqualTo(sessions);
    }

    @Test
    void theTokenCookieIsHttpOnlyAndSameSiteAndOverTlsHostOnlyAndSecure() throws Exception {
        Cookie plain = new PortalVisitor(mvc).open("/login").getResponse().getCookie(COOKIE);
        assertThat(plain.isHttpOnly()).isTrue();
        assertThat(plain.getSecure()).isFalse();
        assertThat(plain.getAttribute("SameSite")).isEqualTo("Lax");
        assertThat(plain.getPath()).isEqualTo("/");
        assertThat(plain.getMaxAge()).as("gone with the browser").isEqualTo(-1);

        var overTls = new PortalVisitor(mvc).overTls();
        Cookie prefixed = overTls.open("/login").getResponse().getCookie("__Host-" + COOKIE);
        assertThat(prefixed.getSecure()).isTrue();
        assertThat(prefixed.isHttpOnly()).isTrue();
        assertThat(prefixed.getAttribute("SameSite")).isEqualTo("Lax");
        assertThat(prefixed.getPath()).isEqualTo("/");
        assertThat(prefixed.getDomain()).isNull();
        assertThat(overTls.submit("/cookies/consent", "back=/login").getResponse().getStatus()).isEqualTo(302);

        // over TLS the unprefixed name is not read: another host of the domain could have set it
        overTls.forget(prefixed.getName());
        overTls.setCookie(new Cookie(COOKIE, prefixed.getValue()));
        assertThat(overTls.submit("/cookies/consent", "back=/login").getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    void everyPublicFormRefusesAMissingOrForeignToken() throws Exception {
        var visitor = new PortalVisitor(mvc);
        var other = new PortalVisitor(mvc);
        other.open("/login");
        int sessions = sessions();
        for (var form : PUBLIC_FORMS.entrySet()) {
            visitor.open("/login");
            assertThat(visitor.submit(form.getKey(), form.getValue(), null).getResponse().getStatus()).as(form.getKey()).isEqualTo(403);
            assertThat(visitor.submit(form.getKey(), form.getValue(), other.formToken()).getResponse().getStatus())
                    .as(form.getKey() + " with another visitor's token").isEqualTo(403);
        }
        assertThat(sessions()).isEqualTo(sessions);
    }

    @Test
    void aForgedLoginIsRefusedEvenWithTheRightPasswordAndChangesNothing() throws Exception {
        var person = world.person(world.customer(world.root(), "Forged Ltd"), FixedRole.CUSTOMER_USER);
        String credentials = "email=" + person.email() + "&password=" + World.PASSWORD;
        var victim = new PortalVisitor(mvc);
        var attacker = new PortalVisitor(mvc);
        victim.open("/login");
        attacker.open("/login");
        Map<String, Integer> before = rows();

        List<MvcResult> forged = new ArrayList<>();
        forged.add(victim.submit("/login", credentials, null));
        forged.add(victim.submit("/login", credentials, attacker.formToken()));
        forged.add(victim.submit("/login", credentials, "bm90LWEtdG9rZW4"));
        Cookie cookie = victim.cookie(COOKIE);
        victim.forget(COOKIE);
        forged.add(victim.submit("/login", credentials, victim.formToken()));
        forged.add(victim.submit("/login", credentials, null));
        for (MvcResult answer : forged) {
            assertThat(answer.getResponse().getStatus()).isEqualTo(403);
            assertThat(answer.getResponse().getCookie(Api.SESSION_COOKIE)).isNull();
        }
        assertThat(rows()).as("no login, no failure counted, no session").isEqualTo(before);

        victim.setCookie(cookie);
        victim.logIn(person.email());
        assertThat(rows().get("spring_session")).isEqualTo(before.get("spring_session") + 1);
    }

    @Test
    void aLoginMovesTheTokenIntoTheNewSessionAndLogoutBackToTheCookie() throws Exception {
        var person = world.person(world.customer(world.root(), "Login Ltd"), FixedRole.CUSTOMER_USER);
        var browser = new PortalVisitor(mvc);
        browser.open("/login");
        String visitorToken = browser.formToken();
        Cookie visitorCookie = browser.cookie(COOKIE);
        int sessions = sessions();

        MvcResult login = browser.logIn(person.email());
        assertThat(login.getResponse().getRedirectedUrl()).isEqualTo("/");
        assertThat(login.getResponse().getCookie(Api.SESSION_COOKIE)).isNotNull();
        assertThat(login.getResponse().getCookie(COOKIE).getMaxAge()).as("the visitor's token cleared").isZero();
        assertThat(sessions()).isEqualTo(sessions + 1);

        browser.setCookie(visitorCookie);
        assertThat(browser.submit("/cookies/consent", "back=/account", visitorToken).getResponse().getStatus())
                .as("the token from before the login").isEqualTo(403);
        assertThat(browser.open("/account").getResponse().getContentAsString()).contains("<meta name=\"csrf-header\" content=\"X-CSRF-TOKEN\">");
        assertThat(browser.submit("/cookies/consent", "back=/account").getResponse().getStatus()).isEqualTo(302);
        assertThat(browser.htmx("/cookies/consent", "back=/account").getResponse().getStatus()).as("htmx, from the meta tag")
                .isEqualTo(302);
        browser.forget(COOKIE);
        assertThat(browser.submit("/cookies/consent", "back=/account").getResponse().getStatus())
                .as("in a session the cookie plays no part").isEqualTo(302);

        assertThat(browser.submit("/logout", "").getResponse().getRedirectedUrl()).isEqualTo("/login?done=logout");
        assertThat(sessions()).isEqualTo(sessions);
        browser.open("/login?done=logout");
        assertThat(browser.htmx("/cookies/consent", "back=/login").getResponse().getStatus()).isEqualTo(302);
        assertThat(sessions()).isEqualTo(sessions);
    }

    private int sessions() {
        return jdbc.sql("SELECT COUNT(*) FROM spring_session").query(Integer.class).single();
    }

    private Map<String, Integer> rows() {
        return RowCounts.of(jdbc, "identity_", "audit_", "spring_session");
    }
}
