package org.opencps.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.identity.internal.secondfactor.TotpCodes;
import org.opencps.testing.MutableClock;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The second factor in the portal: setting up an authenticator app on the account pages (QR code, the secret as
 * text, a first code, recovery codes shown once), then a login that asks for the code and reaches no other page
 * before it, in English, German and Japanese.
 */
@OpenCpsTest
@RealCsrfTokens
class PortalSecondFactorTest {

    private static final Pattern SECRET = Pattern.compile("id=\"totp-secret\" class=\"secret\">([A-Z2-7]+)<");

    @Autowired MockMvc mvc;
    @Autowired World world;
    @Autowired MutableClock clock;

    @Test
    void enrolThenTheLoginAsksForTheCodeAndNothingElseOpensBeforeIt() throws Exception {
        var person = world.person(world.customer(world.root(), "Portal 2FA " + UUID.randomUUID()), FixedRole.CUSTOMER_USER);
        var visitor = new PortalVisitor(mvc);
        visitor.logIn(person.email());

        assertThat(visitor.open("/account").getResponse().getContentAsString()).contains("href=\"/account/second-factor\"");
        visitor.open("/account/second-factor");
        assertThat(visitor.submit("/account/second-factor/totp", "").getResponse().getRedirectedUrl()).isEqualTo("/account/second-factor");
        String page = visitor.open("/account/second-factor").getResponse().getContentAsString();
        assertThat(page).contains("id=\"totp-qr\"").contains("src=\"data:image/png;base64,");
        var secret = SECRET.matcher(page);
        assertThat(secret.find()).isTrue();
        String code = TotpCodes.code(secret.group(1), TotpCodes.stepAt(clock.instant()));

        visitor.submit("/account/second-factor/totp/confirm", "code=" + code);
        String withCodes = visitor.open("/account/second-factor").getResponse().getContentAsString();
        assertThat(withCodes).contains("id=\"recovery-codes\"").contains("An authenticator app is set up");
        assertThat(Pattern.compile("<code>[a-z2-9]{5}-[a-z2-9]{5}</code>").matcher(withCodes).results().count()).isEqualTo(10);
        assertThat(visitor.open("/account/second-factor").getResponse().getContentAsString()).doesNotContain("id=\"recovery-codes\"");

        clock.advance(Duration.ofSeconds(90));
        var next = new PortalVisitor(mvc);
        var login = next.logIn(person.email());
        assertThat(login.getResponse().getRedirectedUrl()).isEqualTo("/login/second-factor?continue=%2F");
        assertThat(next.open("/jobs").getResponse().getRedirectedUrl()).contains("/login");
        assertThat(next.open("/account/second-factor").getResponse().getRedirectedUrl()).contains("/login");
        assertThat(next.open("/login/second-factor").getResponse().getContentAsString()).contains("autocomplete=\"one-time-code\"");
        var switched = next.submit("/organizations/select", "organizationId=" + person.orgId());
        assertThat(switched.getResponse().getRedirectedUrl()).contains("/login");
        next.open("/login/second-factor");
        var wrong = next.submit("/login/second-factor", "code=" + ("000000".equals(codeNow(secret.group(1))) ? "111111" : "000000"));
        assertThat(wrong.getResponse().getStatus()).isEqualTo(401);
        assertThat(wrong.getResponse().getContentAsString()).contains("The code is wrong or was already used.");
        var right = next.submit("/login/second-factor", "code=" + codeNow(secret.group(1)) + "&continue=/jobs");
        assertThat(right.getResponse().getRedirectedUrl()).isEqualTo("/jobs");
        assertThat(next.open("/jobs").getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void theSecondStepPageIsInGermanAndJapaneseAndWithoutAPendingSignInGoesToTheLogin() throws Exception {
        assertThat(new PortalVisitor(mvc).open("/login/second-factor").getResponse().getRedirectedUrl()).isEqualTo("/login");
        var person = world.person(world.customer(world.root(), "Portal 2FA lang " + UUID.randomUUID()), FixedRole.CUSTOMER_USER);
        enrolThroughThePages(person, new PortalVisitor(mvc));

        var german = new PortalVisitor(mvc).inLanguage("de");
        german.logIn(person.email());
        assertThat(german.open("/login/second-factor").getResponse().getContentAsString()).contains("Zweiter Schritt der Anmeldung");
        var japanese = new PortalVisitor(mvc).inLanguage("ja");
        japanese.logIn(person.email());
        assertThat(japanese.open("/login/second-factor").getResponse().getContentAsString()).contains("ログインの2段階目");
    }

    @Test
    void anOldCheckSendsThePersonToStepUpAndBackAndOnlyThenTheAppCanBeRemoved() throws Exception {
        var person = world.person(world.customer(world.root(), "Portal step-up " + UUID.randomUUID()), FixedRole.CUSTOMER_USER);
        var visitor = new PortalVisitor(mvc);
        String secret = enrolThroughThePages(person, visitor);
        clock.advance(Duration.ofMinutes(11));

        visitor.open("/account/second-factor");
        var refused = visitor.submit("/account/second-factor/totp/remove", "");
        assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo("/account/step-up");
        assertThat(visitor.open("/account/second-factor").getResponse().getContentAsString()).contains("An authenticator app is set up");
        assertThat(visitor.open("/account/step-up").getResponse().getContentAsString()).contains("Confirm it is you");
        var confirmed = visitor.submit("/account/step-up", "code=" + codeNow(secret) + "&continue=/account/second-factor");
        assertThat(confirmed.getResponse().getRedirectedUrl()).isEqualTo("/account/second-factor");
        visitor.open("/account/second-factor");
        visitor.submit("/account/second-factor/totp/remove", "");
        assertThat(visitor.open("/account/second-factor").getResponse().getContentAsString()).contains("No second factor is set up");
    }

    /** Logs in and sets up an authenticator app on the account pages; the app's secret. */
    private String enrolThroughThePages(World.Person person, PortalVisitor visitor) throws Exception {
        visitor.logIn(person.email());
        visitor.open("/account/second-factor");
        visitor.submit("/account/second-factor/totp", "");
        var secret = SECRET.matcher(visitor.open("/account/second-factor").getResponse().getContentAsString());
        assertThat(secret.find()).isTrue();
        visitor.submit("/account/second-factor/totp/confirm", "code=" + codeNow(secret.group(1)));
        return secret.group(1);
    }

    private String codeNow(String secret) {
        return TotpCodes.code(secret, TotpCodes.stepAt(clock.instant()));
    }
}
