package org.opencps.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencps.testing.Eventually.eventually;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.opencps.platform.security.ActorAuthentication;
import org.opencps.testing.Api;
import org.opencps.testing.AuditRecords;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.World;
import org.opencps.testing.peers.SmtpServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The changes the audit trail missed until now, each read back through the audit API as the
 * organization's admin, with actor, source address, user agent, outcome and before and after;
 * an admin of another organization neither reads them there nor finds them in its own trail:
 * report recipients (added, confirmed, unsubscribed, removed) and schedules (created, deleted),
 * the organization's own cloud OAuth clients (never their secret), print quotas and scan settings.
 */
@OpenCpsTest
class SettingChangesAuditedTest {

    private static final SmtpServer SMTP = SmtpServer.start();
    private static final Pattern CONFIRM = Pattern.compile("/report-recipients/confirm/(rc_[A-Za-z0-9_-]+)");
    private static final Pattern UNSUBSCRIBE = Pattern.compile("/report-recipients/unsubscribe/(ru_[A-Za-z0-9_.-]+)");
    private static final String AGENT = "ChangeProbe/2.0 (test)";
    private static final String ADDRESS = "198.51.100.61";

    @Autowired MockMvc mvc;
    @Autowired World world;
    @Autowired JdbcClient jdbc;

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        SMTP.configure(registry);
    }

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    @Test
    void reportRecipientsAndSchedulesAreRecordedWithTheirBeforeAndAfter() throws Exception {
        OrgId org = world.customer(world.root(), "Audited reports " + UUID.randomUUID());
        Actor admin = world.person(org, FixedRole.CUSTOMER_ADMIN).actor();
        String base = "/api/v1/organizations/" + org;
        String email = "auditor-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";

        String recipient = JsonPath.read(body(admin, Api.json(post(base + "/report-recipients"), "{\"email\":\"" + email
                + "\",\"language\":\"de\"}")), "$.id");
        String mail = SMTP.messagesTo(email).getFirst().getContent().toString().replace("=\r\n", "");
        assertThat(status(null, post("/api/v1/public/report-recipients/confirmations/" + find(CONFIRM, mail)))).isEqualTo(200);
        String schedule = JsonPath.read(body(admin, Api.json(post(base + "/report-schedules"), """
                {"kind":"USAGE_PERSON","cadence":"WEEKLY","formats":["CSV"],"language":"en","people":[],"recipients":["%s"]}"""
                .formatted(recipient))), "$.id");
        assertThat(status(admin, delete(base + "/report-schedules/" + schedule))).isEqualTo(204);
        String unsubscribe = "/api/v1/public/report-recipients/unsubscribe/" + find(UNSUBSCRIBE, mail);
        assertThat(status(null, post(unsubscribe))).isEqualTo(204);
        assertThat(status(null, post(unsubscribe))).as("again: harmless, and no second record").isEqualTo(204);
        assertThat(status(admin, delete(base + "/report-recipients/" + recipient))).isEqualTo(204);

        var audit = new AuditRecords(mvc);
        eventually(() -> assertThat(audit.of(admin, org, "REPORT_RECIPIENT_REMOVED")).hasSize(1));
        assertThat(only(audit.of(admin, org, "REPORT_RECIPIENT_ADDED")))
                .containsEntry("actor", admin.userId().toString()).containsEntry("subject", recipient)
                .containsEntry("outcome", "SUCCESS").containsEntry("sourceIp", ADDRESS).containsEntry("userAgent", AGENT)
                .containsEntry("detail", "email: (none) -> " + email + "; language: (none) -> de; status: (none) -> PENDING");
        // the recipient confirms and unsubscribes with the links in its mail: no signed-in person, but the request's origin
        assertThat(only(audit.of(admin, org, "REPORT_RECIPIENT_CONFIRMED"))).containsEntry("actor", null)
                .containsEntry("sourceIp", ADDRESS).containsEntry("detail", "status: PENDING -> CONFIRMED");
        assertThat(only(audit.of(admin, org, "REPORT_RECIPIENT_UNSUBSCRIBED"))).containsEntry("actor", null)
                .containsEntry("subject", recipient).containsEntry("detail", "status: CONFIRMED -> UNSUBSCRIBED");
        assertThat(only(audit.of(admin, org, "REPORT_RECIPIENT_REMOVED"))).containsEntry("actor", admin.userId().toString())
                .containsEntry("detail", "email: " + email + " -> (none); language: de -> (none); status: UNSUBSCRIBED -> (none)");
        assertThat(only(audit.of(admin, org, "REPORT_SCHEDULE_CREATED"))).containsEntry("subject", schedule)
                .containsEntry("userAgent", AGENT).containsEntry("detail", "cadence: (none) -> WEEKLY; formats: (none) -> [CSV];"
                        + " kind: (none) -> USAGE_PERSON; language: (none) -> en; people: (none) -> []; recipients: (none) -> ["
                        + recipient + "]; stopped: (none) -> false");
        assertThat(audit.details(admin, org, "REPORT_SCHEDULE_DELETED")).singleElement().asString()
                .startsWith("cadence: WEEKLY -> (none); formats: [CSV] -> (none); kind: USAGE_PERSON -> (none)");

        notSeenByAnotherTenantsAdmin(org, "REPORT_RECIPIENT_ADDED", "REPORT_RECIPIENT_CONFIRMED", "REPORT_RECIPIENT_UNSUBSCRIBED",
                "REPORT_RECIPIENT_REMOVED", "REPORT_SCHEDULE_CREATED", "REPORT_SCHEDULE_DELETED");
    }

    @Test
    void theOrganizationsOwnCloudClientsAreRecordedButNeverTheirSecret() throws Exception {
        OrgId org = world.customer(world.root(), "Audited cloud clients " + UUID.randomUUID());
        Actor admin = world.person(org, FixedRole.CUSTOMER_ADMIN).actor();
        String client = "/api/v1/organizations/" + org + "/cloud-clients/google";
        String firstSecret = "First-Secret-" + UUID.randomUUID();
        String secondSecret = "Second-Secret-" + UUID.randomUUID();

        assertThat(status(admin, Api.json(put(client), "{\"clientId\":\"app-one\",\"clientSecret\":\"" + firstSecret + "\"}")))
                .isEqualTo(204);
        assertThat(status(admin, Api.json(put(client), "{\"clientId\":\"app-two\",\"clientSecret\":\"" + secondSecret + "\"}")))
                .isEqualTo(204);
        assertThat(status(admin, delete(client))).isEqualTo(204);
        assertThat(status(admin, delete(client))).as("nothing left to remove").isEqualTo(404);

        var audit = new AuditRecords(mvc);
        eventually(() -> assertThat(audit.of(admin, org, "CLOUD_CLIENT_REMOVED")).hasSize(1));
        assertThat(only(audit.of(admin, org, "CLOUD_CLIENT_CONFIGURED"))).containsEntry("actor", admin.userId().toString())
                .containsEntry("subject", "google").containsEntry("outcome", "SUCCESS").containsEntry("sourceIp", ADDRESS)
                .containsEntry("userAgent", AGENT).containsEntry("detail", "clientId: (none) -> app-one; clientSecret: (none) -> set");
        assertThat(audit.details(admin, org, "CLOUD_CLIENT_CHANGED"))
                .containsExactly("clientId: app-one -> app-two; clientSecret: set -> changed");
        assertThat(audit.details(admin, org, "CLOUD_CLIENT_REMOVED"))
                .containsExactly("clientId: app-two -> (none); clientSecret: set -> (none)");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE org_id = ? AND (detail LIKE '%Secret-%' OR subject LIKE '%Secret-%')")
                .param(org.value()).query(Long.class).single()).as("no secret in the trail").isZero();

        // the audit page names the action in the reader's language, with its code beside it for the filter
        for (String[] language : new String[][] {{"en", "Own cloud OAuth client changed"}, {"de", "Eigener Cloud-OAuth-Client geändert"},
                {"ja", "組織独自のクラウド OAuth クライアントを変更しました"}}) {
            var page = mvc.perform(get("/orgs/" + org + "/audit").param("action", "CLOUD_CLIENT_CHANGED").header("Accept-Language", language[0])
                    .with(authentication(new ActorAuthentication(admin)))).andReturn().getResponse();
            assertThat(Jsoup.parse(page.getContentAsString(StandardCharsets.UTF_8)).select("#audit-records tbody td:nth-child(2)").text())
                    .isEqualTo(language[1] + " CLOUD_CLIENT_CHANGED");
        }
        notSeenByAnotherTenantsAdmin(org, "CLOUD_CLIENT_CONFIGURED", "CLOUD_CLIENT_CHANGED", "CLOUD_CLIENT_REMOVED");
    }

    @Test
    void printQuotasAndScanSettingsAreRecordedWithTheirBeforeAndAfter() throws Exception {
        OrgId org = world.customer(world.root(), "Audited quotas " + UUID.randomUUID());
        Actor admin = world.person(org, FixedRole.CUSTOMER_ADMIN).actor();
        var member = world.person(org, FixedRole.CUSTOMER_USER);
        String base = "/api/v1/organizations/" + org;

        String quota = base + "/quotas/users/" + member.userId();
        assertThat(status(admin, Api.json(put(quota), "{\"colorPagesPerMonth\":100}"))).isEqualTo(200);
        assertThat(status(admin, Api.json(put(quota), "{\"colorPagesPerMonth\":250,\"monochromePagesPerMonth\":40}"))).isEqualTo(200);
        String settings = """
                {"allowedDestinations":["MY_SCANS","EMAIL_ME"],"directEmailAllowed":true,"retentionHours":%d,
                 "maxScanBytes":1048576,"attachmentLimitBytes":1048576,"boxDirect":false}""";
        assertThat(status(admin, Api.json(put(base + "/scan-settings"), settings.formatted(24)))).isEqualTo(200);
        assertThat(status(admin, Api.json(put(base + "/scan-settings"), settings.formatted(48)))).isEqualTo(200);

        var audit = new AuditRecords(mvc);
        eventually(() -> assertThat(audit.of(admin, org, "PRINT_QUOTA_CHANGED")).hasSize(2));
        eventually(() -> assertThat(audit.of(admin, org, "SCAN_SETTINGS_CHANGED")).hasSize(2));
        assertThat(audit.of(admin, org, "PRINT_QUOTA_CHANGED").getFirst()).containsEntry("actor", admin.userId().toString())
                .containsEntry("subject", "USER " + member.userId()).containsEntry("sourceIp", ADDRESS).containsEntry("userAgent", AGENT)
                .containsEntry("outcome", "SUCCESS");
        assertThat(audit.details(admin, org, "PRINT_QUOTA_CHANGED")).containsExactly(
                "colour: unlimited -> 100, black and white: unlimited -> unlimited pages per month",
                "colour: 100 -> 250, black and white: unlimited -> 40 pages per month");
        List<String> scans = audit.details(admin, org, "SCAN_SETTINGS_CHANGED");
        assertThat(scans.getFirst()).contains("directEmailAllowed: false -> true", "retentionHours: 168 -> 24",
                "maxScanBytes: 1073741824 -> 1048576");
        assertThat(scans.getLast()).isEqualTo("retentionHours: 24 -> 48");

        notSeenByAnotherTenantsAdmin(org, "PRINT_QUOTA_CHANGED", "SCAN_SETTINGS_CHANGED");
    }

    /** Another customer's admin is refused the organization's trail and finds none of these records in its own. */
    private void notSeenByAnotherTenantsAdmin(OrgId org, String... actions) throws Exception {
        OrgId other = world.customer(world.root(), "Other tenant " + UUID.randomUUID());
        Actor otherAdmin = world.person(other, FixedRole.CUSTOMER_ADMIN).actor();
        var audit = new AuditRecords(mvc);
        assertThat(audit.statusFor(otherAdmin, org)).isEqualTo(404);
        for (String action : actions) {
            assertThat(audit.of(otherAdmin, other, action)).as(action + " in the other tenant's trail").isEmpty();
        }
    }

    private static Map<String, Object> only(List<Map<String, Object>> records) {
        assertThat(records).hasSize(1);
        return records.getFirst();
    }

    private static String find(Pattern pattern, String mail) {
        Matcher matcher = pattern.matcher(mail);
        assertThat(matcher.find()).as("link " + pattern + " in the mail").isTrue();
        return matcher.group(1);
    }

    private static MockHttpServletRequestBuilder fromBrowser(Actor actor, MockHttpServletRequestBuilder request) {
        request.header("User-Agent", AGENT).with(r -> {
            r.setRemoteAddr(ADDRESS);
            return r;
        });
        return actor == null ? request : request.with(authentication(new ActorAuthentication(actor)));
    }

    private String body(Actor actor, MockHttpServletRequestBuilder request) throws Exception {
        var response = mvc.perform(fromBrowser(actor, request)).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
        return response.getContentAsString();
    }

    private int status(Actor actor, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(fromBrowser(actor, request)).andReturn().getResponse().getStatus();
    }
}
