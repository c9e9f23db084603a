package org.opencps.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.identity.Passwords;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.opencps.platform.security.ActorAuthentication;
import org.opencps.printing.DocumentFormat;
import org.opencps.printing.PrintAdministration;
import org.opencps.printing.PrintJobs;
import org.opencps.printing.SampleDocuments;
import org.opencps.tenancy.DeviceLoginMethod;
import org.opencps.tenancy.OrganizationSettings;
import org.opencps.tenancy.Organizations;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Forms the browser test does not fill in: what they save goes through the faces whole, and a
 * refused input saves nothing and says why. (Secrets made on a page: {@link PortalSecretsShownOnceTest}.)
 */
@OpenCpsTest
class PortalFormsTest {

    @Autowired MockMvc mvc;
    @Autowired World world;
    @Autowired PrintAdministration printing;
    @Autowired PrintJobs printJobs;
    @Autowired Organizations organizations;
    @Autowired Passwords passwords;
    @Autowired JdbcClient jdbc;

    @Test
    void printPoliciesAreSavedWholeFromTheSettingsPage() throws Exception {
        OrgId org = world.customer(world.root(), "Policies Ltd");
        Actor admin = world.person(org, FixedRole.CUSTOMER_ADMIN).actor();
        send(admin, "/orgs/" + org + "/print-settings",
                "holdJobs=true&forceMonochrome=true&maxPagesPerJob=50&allowedFormats=PDF&allowedFormats=JPEG");
        var saved = printing.settings(admin, org);
        assertThat(saved.holdJobs()).isTrue();
        assertThat(saved.forceMonochrome()).isTrue();
        assertThat(saved.forceDuplex()).isFalse();
        assertThat(saved.maxPagesPerJob()).isEqualTo(50);
        assertThat(saved.allowedFormats()).isEqualTo(EnumSet.of(DocumentFormat.PDF, DocumentFormat.JPEG));
        assertThat(page(admin, "/orgs/" + org + "/settings")).contains("name=\"forceMonochrome\" value=\"true\" checked");
    }

    @Test
    void aDocumentPastALimitIsRefusedOnTheJobsPageInTheReadersLanguageAndNothingIsKept() throws Exception {
        OrgId org = world.customer(world.root(), "Limits Ltd");
        Actor person = world.person(org, FixedRole.CUSTOMER_USER).actor();
        String wide = SampleDocuments.pdfWithPageTree("2 0 obj << /Type /Pages /Kids [" + " 3 0 R".repeat(21_001)
                + "] /Count 21001 >> endobj\n3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >> endobj\n", 3);
        String boundary = "----limits5u8Gm2";
        var body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"wide.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n" + wide + "\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.ISO_8859_1));
        for (var language : List.of(List.of("de", "Die Seitenstruktur des PDF hat mehr als 21.000 Eintr\u00e4ge"),
                List.of("ja", "\u3053\u306e PDF \u306e\u30da\u30fc\u30b8\u69cb\u9020\u306b\u306f 21,000 \u500b"),
                List.of("en", "The PDF&#39;s page structure has more than 21,000 entries"))) {
            MvcResult refused = mvc.perform(post("/jobs").with(authentication(new ActorAuthentication(person))).with(csrf())
                    .header("Accept-Language", language.get(0)).contentType("multipart/form-data; boundary=" + boundary)
                    .content(body.toByteArray())).andReturn();
            assertThat(refused.getResponse().getStatus()).isEqualTo(422);
            assertThat(refused.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains(language.get(1));
        }
        assertThat(printJobs.mine(person)).isEmpty();
    }

    @Test
    void aRefusedSettingSavesNothingAndTheNextPageSaysWhy() throws Exception {
        OrgId org = world.customer(world.root(), "Idle Ltd");
        Actor admin = world.person(org, FixedRole.CUSTOMER_ADMIN).actor();
        MvcResult refused = send(admin, "/orgs/" + org + "/settings", "idleLogoutMinutes=1441&jobRetentionHours=24");
        assertThat(refused.getFlashMap().get("error")).asString().contains("1440");
        assertThat(refused.getFlashMap().get("errorField")).isEqualTo("idleLogoutMinutes");
        assertThat(organizations.settings(admin, org).idleLogoutMinutes()).isEqualTo(30);

        send(admin, "/orgs/" + org + "/settings", "idleLogoutMinutes=1440&jobRetentionHours=720"
                + "&deviceLoginMethods=PIN&deviceLoginMethods=CARD&deviceLoginMethods=PASSWORD");
        var saved = organizations.settings(admin, org);
        assertThat(saved.idleLogoutMinutes()).isEqualTo(1440);
        assertThat(saved.jobRetentionHours()).isEqualTo(720);
    }

    @Test
    void theIpAllowListAndTheWaysToLogInAtPrintersAreSavedFromTheSettingsPage() throws Exception {
        OrgId org = world.customer(world.root(), "Access Ltd");
        Actor admin = world.person(org, FixedRole.CUSTOMER_ADMIN).actor();
        String page = page(admin, "/orgs/" + org + "/settings");
        assertThat(page).contains("name=\"ipAllowList\"", "Your address now: 127.0.0.1",
                "name=\"deviceLoginMethods\" value=\"CARD\" checked");
        assertThat(page).doesNotContain("printPolicy", "allowedScanDestinations", "scanRetentionHours", "authenticationMethods",
                "ssoConfiguration");

        MvcResult refused = send(admin, "/orgs/" + org + "/settings",
                "idleLogoutMinutes=30&jobRetentionHours=24&deviceLoginMethods=PIN&ipAllowList=127.0.0.0/8%0D%0Aoffice");
        assertThat(refused.getFlashMap().get("error")).asString().contains("\u201coffice\u201d is not an IPv4 or IPv6 network");
        assertThat(refused.getFlashMap().get("errorField")).isEqualTo("ipAllowList");
        MvcResult none = send(admin, "/orgs/" + org + "/settings", "idleLogoutMinutes=30&jobRetentionHours=24");
        assertThat(none.getFlashMap().get("errorField")).isEqualTo("deviceLoginMethods");
        assertThat(organizations.settings(admin, org)).isEqualTo(OrganizationSettings.defaults());

        send(admin, "/orgs/" + org + "/settings", "idleLogoutMinutes=30&jobRetentionHours=24&deviceLoginMethods=PIN"
                + "&deviceLoginMethods=PASSWORD&ipAllowList=127.0.0.0/8%0D%0A2001:db8::/32%0D%0A");
        var saved = organizations.settings(admin, org);
        assertThat(saved.ipAllowList()).containsExactly("127.0.0.0/8", "2001:db8::/32");
        assertThat(saved.deviceLoginMethods()).containsExactlyInAnyOrder(DeviceLoginMethod.PIN, DeviceLoginMethod.PASSWORD);
        assertThat(page(admin, "/orgs/" + org + "/settings")).contains("127.0.0.0/8\n2001:db8::/32</textarea>")
                .doesNotContain("name=\"deviceLoginMethods\" value=\"CARD\" checked");
    }

    @Test
    void aPasswordChosenBySomeoneElseMustBeChangedBeforeAnyOtherPage() throws Exception {
        OrgId org = world.customer(world.root(), "Forced Ltd");
        var person = world.person(org, FixedRole.CUSTOMER_USER);
        jdbc.sql("UPDATE identity_password SET change_required = TRUE WHERE user_id = ?").param(person.userId().value()).update();
        Actor actor = person.actor();
        for (String page : List.of("/", "/jobs", "/account", "/tokens")) {
            MvcResult answer = mvc.perform(get(page).with(authentication(new ActorAuthentication(actor)))).andReturn();
            assertThat(answer.getResponse().getRedirectedUrl()).as(page).isEqualTo("/account/password-change");
        }
        assertThat(page(actor, "/account/password-change")).contains("Your password was set by someone else");

        MvcResult same = send(actor, "/account/password-change",
                "currentPassword=" + World.PASSWORD + "&newPassword=" + World.PASSWORD + "&confirmPassword=" + World.PASSWORD);
        assertThat(same.getResponse().getRedirectedUrl()).as("the old password again is refused").isEqualTo("/account/password-change");
        assertThat(passwords.changeRequired(person.userId())).isTrue();

        MvcResult changed = send(actor, "/account/password-change",
                "currentPassword=" + World.PASSWORD + "&newPassword=Brand-New-7!&confirmPassword=Brand-New-7!");
        assertThat(changed.getResponse().getRedirectedUrl()).isEqualTo("/");
        assertThat(passwords.changeRequired(person.userId())).isFalse();
        assertThat(mvc.perform(get("/jobs").with(authentication(new ActorAuthentication(actor)))).andReturn()
                .getResponse().getStatus()).isEqualTo(200);
    }

    private MvcResult send(Actor actor, String url, String body) throws Exception {
        MvcResult result = mvc.perform(post(url).with(csrf()).with(authentication(new ActorAuthentication(actor)))
                .contentType("application/x-www-form-urlencoded").content(body)).andReturn();
        assertThat(result.getResponse().getStatus()).as(url).isEqualTo(302);
        return result;
    }

    private String page(Actor actor, String url) throws Exception {
        return mvc.perform(get(url).with(authentication(new ActorAuthentication(actor)))).andReturn().getResponse()
                .getContentAsString();
    }
}
