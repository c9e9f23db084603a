package org.opencps.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.identity.internal.secondfactor.TotpCodes;
import org.opencps.platform.ids.OrgId;
import org.opencps.testing.MutableClock;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An organization's second-factor requirement in the portal (real CSRF tokens): its customer admin sets it on the
 * sign-in page; within the grace period a member is sent to enrol after signing in; afterwards the sign-in stops at
 * the enrolment, no other page opens, and the first code of the new app finishes it with the recovery codes shown.
 */
@OpenCpsTest
@RealCsrfTokens
class PortalRequiredSecondFactorTest {

    private static final Pattern SECRET = Pattern.compile("id=\"totp-secret\" class=\"secret\">([A-Z2-7]+)<");

    @Autowired MockMvc mvc;
    @Autowired World world;
    @Autowired MutableClock clock;

    @Test
    void theAdminRequiresItAndAMemberEnrolsBeforeAnyPageOpens() throws Exception {
        OrgId org = world.customer(world.root(), "Portal required 2FA " + UUID.randomUUID());
        var member = world.person(org, FixedRole.CUSTOMER_USER);
        var admin = new PortalVisitor(mvc);
        admin.logIn(world.person(org, FixedRole.CUSTOMER_ADMIN).email());
        assertThat(admin.open("/orgs/" + org + "/sso").getResponse().getContentAsString()).contains("id=\"second-factor-policy\"");
        var saved = admin.submit("/orgs/" + org + "/sso/second-factor", "requiredFor=EVERYONE&graceDays=0");
        assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/orgs/" + org + "/sso");
        assertThat(admin.open("/orgs/" + org + "/sso").getResponse().getContentAsString())
                .contains("The second-factor requirement is saved.").contains("value=\"EVERYONE\" checked=\"checked\"");

        var visitor = new PortalVisitor(mvc);
        assertThat(visitor.logIn(member.email()).getResponse().getRedirectedUrl()).startsWith("/login/second-factor");
        assertThat(visitor.open("/jobs").getResponse().getRedirectedUrl()).contains("/login");
        assertThat(visitor.open("/account/second-factor").getResponse().getRedirectedUrl()).contains("/login");
        String page = visitor.open("/login/second-factor").getResponse().getContentAsString();
        assertThat(visitor.submit("/organizations/select", "organizationId=" + org).getResponse().getRedirectedUrl()).contains("/login");
        assertThat(page).contains("id=\"enrolment-required\"").contains("id=\"totp-qr\"");
        var secret = SECRET.matcher(page);
        assertThat(secret.find()).isTrue();

        var wrong = visitor.submit("/login/second-factor", "code=" + otherThan(TotpCodes.code(secret.group(1), TotpCodes.stepAt(clock.instant()))));
        assertThat(wrong.getResponse().getStatus()).isEqualTo(422);
        assertThat(wrong.getResponse().getContentAsString()).contains("This is not the app&#39;s current code.");
        var done = visitor.submit("/login/second-factor", "code=" + TotpCodes.code(secret.group(1), TotpCodes.stepAt(clock.instant())));
        assertThat(done.getResponse().getRedirectedUrl()).isEqualTo("/account/second-factor");
        String codes = visitor.open("/account/second-factor").getResponse().getContentAsString();
        assertThat(codes).contains("id=\"recovery-codes\"").contains("An authenticator app is set up");
        assertThat(visitor.open("/jobs").getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void withinTheGracePeriodTheMemberIsSentToEnrolAndCanStillWorkInGermanToo() throws Exception {
        OrgId org = world.customer(world.root(), "Portal grace 2FA " + UUID.randomUUID());
        var member = world.person(org, FixedRole.CUSTOMER_USER);
        var admin = new PortalVisitor(mvc).inLanguage("de");
        admin.logIn(world.person(org, FixedRole.CUSTOMER_ADMIN).email());
        assertThat(admin.open("/orgs/" + org + "/sso").getResponse().getContentAsString()).contains("Übergangsfrist (Tage)");
        admin.submit("/orgs/" + org + "/sso/second-factor", "requiredFor=EVERYONE&graceDays=7");

        clock.advance(Duration.ofDays(7).minusMinutes(5));
        var visitor = new PortalVisitor(mvc).inLanguage("ja");
        assertThat(visitor.logIn(member.email()).getResponse().getRedirectedUrl()).isEqualTo("/account/second-factor?due");
        assertThat(visitor.open("/account/second-factor").getResponse().getContentAsString())
                .contains("id=\"second-factor-due\"").contains("組織で 2 要素認証が必須です");
        assertThat(visitor.open("/jobs").getResponse().getStatus()).isEqualTo(200);

        clock.advance(Duration.ofMinutes(6));
        assertThat(visitor.open("/jobs").getResponse().getRedirectedUrl()).contains("/login?ended=enrol");
    }

    private static String otherThan(String code) {
        return "000000".equals(code) ? "111111" : "000000";
    }
}
