package org.opencps.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencps.testing.Eventually.eventually;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.opencps.platform.security.ActorAuthentication;
import org.opencps.testing.AuditRecords;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every data export leaves a record (PRODUCT.md §8): the usage, contract, contract-history and
 * license reports as CSV and PDF, and the audit trail itself from the API and the portal, each
 * downloaded through its real route by the admin it concerns and read back through the audit API
 * with actor, subject, what was exported, source address and user agent, never the data. A refused
 * export (another tenant's admin, a person without the right) gets 404/403 and records nothing.
 */
@OpenCpsTest
class DataExportsAuditedTest {

    private static final String AGENT = "ExportProbe/1.0 (test)";
    private static final String ADDRESS = "198.51.100.73";

    /** The GET routes that hand out an organization's data as a file, and the action each records. */
    static final Map<String, String> DATA_EXPORTS = Map.ofEntries(
            Map.entry("GET /api/v1/organizations/{orgId}/usage/report.csv", "USAGE_REPORT_EXPORTED"),
            Map.entry("GET /api/v1/organizations/{orgId}/usage/report.pdf", "USAGE_REPORT_EXPORTED"),
            Map.entry("GET /api/v1/organizations/{orgId}/contract-report.csv", "CONTRACT_REPORT_EXPORTED"),
            Map.entry("GET /api/v1/organizations/{orgId}/contract-report.pdf", "CONTRACT_REPORT_EXPORTED"),
            Map.entry("GET /api/v1/organizations/{orgId}/contract-history.csv", "CONTRACT_HISTORY_EXPORTED"),
            Map.entry("GET /api/v1/organizations/{orgId}/license-report.csv", "LICENSE_REPORT_EXPORTED"),
            Map.entry("GET /api/v1/organizations/{orgId}/license-report.pdf", "LICENSE_REPORT_EXPORTED"),
            Map.entry("GET /api/v1/organizations/{orgId}/audit/events/export", "AUDIT_TRAIL_EXPORTED"),
            Map.entry("GET /orgs/{orgId}/audit/export", "AUDIT_TRAIL_EXPORTED"));

    /** GET routes that write a file or their own response but are no data export, and why. */
    static final Map<String, String> NOT_DATA_EXPORTS = Map.ofEntries(
            Map.entry("GET /api/v1/jobs/{jobId}/document", "a person's own print job's document (owner only)"),
            Map.entry("GET /api/device/v1/devices/{device}/releases/{jobId}/document",
                    "the printer fetching a job released to it; the release is audited (PRINT_JOB_RELEASED)"),
            Map.entry("GET /api/v1/scans/{scanId}/document", "a person's own scan (owner only)"),
            Map.entry("GET /scans/{scanId}/document", "a person's own scan (owner only)"),
            Map.entry("GET /api/v1/organizations/{orgId}/devices/{deviceId}/qr.png", "a device's release QR code: its address, no data"),
            Map.entry("GET /ipp/icon.png", "the printer icon IPP clients show"),
            Map.entry("GET /sso/oidc/signed-out/{providerId}", "a sign-out redirect, no file"),
            Map.entry("GET /sso/saml/slo/{providerId}", "a sign-out redirect, no file"),
            Map.entry("GET /sso/saml/start/{providerId}", "a sign-in redirect, no file"),
            Map.entry("GET /v3/api-docs", "the public API description"),
            Map.entry("GET /v3/api-docs.yaml", "the public API description"));

    @Autowired MockMvc mvc;
    @Autowired World world;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

    /** The exports below are each downloaded and read back; a new file download must join one of the tables. */
    @Test
    void everyFileDownloadIsAnAuditedExportOrSaysWhyNot() {
        Set<String> downloads = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, handler) -> info.getPatternValues().forEach(pattern -> {
            boolean get = info.getMethodsCondition().getMethods().stream().anyMatch(method -> method.name().equals("GET"));
            if (get && (writesAFile(handler) || pattern.endsWith(".csv") || pattern.endsWith(".pdf") || pattern.endsWith("/export"))) {
                downloads.add("GET " + pattern);
            }
        }));
        Set<String> listed = new TreeSet<>(DATA_EXPORTS.keySet());
        NOT_DATA_EXPORTS.keySet().forEach(route -> assertThat(listed.add(route)).as(route + " is in one table only").isTrue());
        assertThat(new TreeSet<>(downloads).stream().filter(route -> !listed.contains(route)).toList())
                .as("file downloads neither audited as a data export nor listed with a reason").isEmpty();
        assertThat(downloads).as("every route the tables name exists and is a download").containsAll(listed);
    }

    private static boolean writesAFile(HandlerMethod handler) {
        String returned = handler.getReturnType().getGenericParameterType().getTypeName();
        return returned.contains("byte[]") || returned.contains("Resource") || returned.contains("StreamingResponseBody")
                || Arrays.stream(handler.getMethodParameters()).anyMatch(p -> p.getParameterType() == HttpServletResponse.class);
    }

    @Test
    void reportDownloadsAreRecordedInTheOrganizationReportedOn() throws Exception {
        OrgId org = world.customer(world.root(), "Exported reports " + UUID.randomUUID());
        Actor admin = world.person(org, FixedRole.CUSTOMER_ADMIN).actor();
        Actor member = world.person(org, FixedRole.CUSTOMER_USER).actor();
        OrgId other = world.customer(world.root(), "Other tenant " + UUID.randomUUID());
        Actor otherAdmin = world.person(other, FixedRole.CUSTOMER_ADMIN).actor();
        String base = "/api/v1/organizations/" + org;
        List<String> exports = List.of(base + "/usage/report.csv?by=person&per=week&from=2026-02-01&to=2026-02-28",
                base + "/usage/report.pdf?from=2026-03-01&to=2026-03-31", base + "/contract-report.csv",
                base + "/contract-report.pdf", base + "/contract-history.csv");

        for (String export : exports) {
            assertThat(download(otherAdmin, export).getStatus()).as("another tenant's admin: " + export).isEqualTo(404);
        }
        assertThat(download(member, base + "/contract-report.csv").getStatus()).as("a member without the right").isIn(403, 404);
        assertThat(download(member, base + "/usage/report.csv").getStatus()).as("a member: the organization's usage")
                .isIn(403, 404);
        for (String export : exports) {
            MockHttpServletResponse file = download(admin, export);
            assertThat(file.getStatus()).as(export).isEqualTo(200);
            assertThat(file.getHeader("Content-Disposition")).startsWith("attachment");
        }

        var audit = new AuditRecords(mvc);
        eventually(() -> assertThat(audit.of(admin, org, "CONTRACT_HISTORY_EXPORTED")).hasSize(1));
        eventually(() -> assertThat(audit.of(admin, org, "USAGE_REPORT_EXPORTED")).hasSize(2));
        eventually(() -> assertThat(audit.of(admin, org, "CONTRACT_REPORT_EXPORTED")).hasSize(2));
        assertThat(audit.of(admin, org, "USAGE_REPORT_EXPORTED").getFirst()).containsEntry("actor", admin.userId().toString())
                .containsEntry("subject", org.toString()).containsEntry("outcome", "SUCCESS")
                .containsEntry("sourceIp", ADDRESS).containsEntry("userAgent", AGENT);
        assertThat(audit.details(admin, org, "USAGE_REPORT_EXPORTED")).containsExactly(
                "by: PERSON; format: CSV; from: 2026-02-01; per: WEEK; report: usage; to: 2026-02-28",
                "by: ORGANIZATION; format: PDF; from: 2026-03-01; per: MONTH; report: usage; to: 2026-03-31");
        assertThat(audit.details(admin, org, "CONTRACT_REPORT_EXPORTED")).containsExactly(
                "format: CSV; report: customer contract", "format: PDF; report: customer contract with history");
        assertThat(only(audit.of(admin, org, "CONTRACT_HISTORY_EXPORTED"))).containsEntry("actor", admin.userId().toString())
                .containsEntry("subject", org.toString()).containsEntry("sourceIp", ADDRESS).containsEntry("userAgent", AGENT)
                .containsEntry("detail", "format: CSV; report: contract history");

        notSeenByAnotherTenantsAdmin(org, otherAdmin, "USAGE_REPORT_EXPORTED", "CONTRACT_REPORT_EXPORTED",
                "CONTRACT_HISTORY_EXPORTED");
    }

    @Test
    void licenseReportDownloadsAreRecordedInTheProvidersTrail() throws Exception {
        OrgId provider = world.provider(world.root(), "Exporting provider " + UUID.randomUUID());
        Actor admin = world.person(provider, FixedRole.PROVIDER_ADMIN).actor();
        world.customer(provider, "Its customer " + UUID.randomUUID());
        OrgId other = world.provider(world.root(), "Other provider " + UUID.randomUUID());
        Actor otherAdmin = world.person(other, FixedRole.PROVIDER_ADMIN).actor();
        String base = "/api/v1/organizations/" + provider;

        for (String format : List.of("csv", "pdf")) {
            assertThat(download(otherAdmin, base + "/license-report." + format).getStatus()).isEqualTo(404);
            assertThat(download(admin, base + "/license-report." + format).getStatus()).isEqualTo(200);
        }

        var audit = new AuditRecords(mvc);
        eventually(() -> assertThat(audit.of(admin, provider, "LICENSE_REPORT_EXPORTED")).hasSize(2));
        assertThat(audit.of(admin, provider, "LICENSE_REPORT_EXPORTED").getFirst()).containsEntry("actor", admin.userId().toString())
                .containsEntry("subject", provider.toString()).containsEntry("sourceIp", ADDRESS).containsEntry("userAgent", AGENT);
        assertThat(audit.details(admin, provider, "LICENSE_REPORT_EXPORTED")).containsExactly(
                "format: CSV; report: provider contract (license)", "format: PDF; report: provider contract (license)");
        notSeenByAnotherTenantsAdmin(provider, otherAdmin, "LICENSE_REPORT_EXPORTED");
    }

    @Test
    void auditTrailExportsFromTheApiAndThePortalAreRecordedAfterTheRowsTheyWrote() throws Exception {
        OrgId org = world.customer(world.root(), "Exported trail " + UUID.randomUUID());
        Actor admin = world.person(org, FixedRole.CUSTOMER_ADMIN).actor();
        OrgId other = world.customer(world.root(), "Other tenant " + UUID.randomUUID());
        Actor otherAdmin = world.person(other, FixedRole.CUSTOMER_ADMIN).actor();
        String api = "/api/v1/organizations/" + org + "/audit/events/export?action=AUDIT_TRAIL_EXPORTED";
        String portal = "/orgs/" + org + "/audit/export?outcome=SUCCESS";

        assertThat(download(otherAdmin, api).getStatus()).isEqualTo(404);
        assertThat(download(otherAdmin, portal).getStatus()).isEqualTo(404);
        MockHttpServletResponse first = download(admin, api);
        assertThat(first.getStatus()).isEqualTo(200);
        assertThat(first.getContentAsString(StandardCharsets.UTF_8).lines()).as("only the header: the export's own record follows it")
                .hasSize(1);
        MockHttpServletResponse fromPortal = download(admin, portal);
        assertThat(fromPortal.getStatus()).isEqualTo(200);
        long portalRows = fromPortal.getContentAsString(StandardCharsets.UTF_8).lines().count() - 1;
        assertThat(portalRows).as("the organization's records so far, the first export among them").isPositive();
        assertThat(download(admin, api).getContentAsString(StandardCharsets.UTF_8).lines()).as("header and the two exports before")
                .hasSize(3);

        var audit = new AuditRecords(mvc);
        List<Map<String, Object>> records = audit.of(admin, org, "AUDIT_TRAIL_EXPORTED");
        assertThat(records).hasSize(3);
        assertThat(records.getFirst()).containsEntry("actor", admin.userId().toString()).containsEntry("subject", org.toString())
                .containsEntry("outcome", "SUCCESS").containsEntry("sourceIp", ADDRESS).containsEntry("userAgent", AGENT);
        assertThat(audit.details(admin, org, "AUDIT_TRAIL_EXPORTED")).containsExactly(
                "format: CSV; from: (all); to: (all); actor: (all); action: AUDIT_TRAIL_EXPORTED; outcome: (all); records: 0",
                "format: CSV; from: (all); to: (all); actor: (all); action: (all); outcome: SUCCESS; records: "
                        + portalRows,
                "format: CSV; from: (all); to: (all); actor: (all); action: AUDIT_TRAIL_EXPORTED; outcome: (all); records: 2");

        // the audit page names the action in the reader's language, with its code beside it for the filter
        for (String[] language : new String[][] {{"en", "Audit trail exported"}, {"de", "Audit-Protokoll exportiert"},
                {"ja", "監査ログをエクスポートしました"}}) {
            var page = mvc.perform(get("/orgs/" + org + "/audit").param("action", "AUDIT_TRAIL_EXPORTED")
                    .header("Accept-Language", language[0]).with(authentication(new ActorAuthentication(admin))))
                    .andReturn().getResponse();
            assertThat(Jsoup.parse(page.getContentAsString(StandardCharsets.UTF_8)).select("#audit-records tbody tr").first()
                    .select("td:nth-child(2)").text()).isEqualTo(language[1] + " AUDIT_TRAIL_EXPORTED");
        }
        notSeenByAnotherTenantsAdmin(org, otherAdmin, "AUDIT_TRAIL_EXPORTED");
    }

    /** Another tenant's admin is refused the organization's trail and finds no such record in its own. */
    private void notSeenByAnotherTenantsAdmin(OrgId org, Actor otherAdmin, String... actions) throws Exception {
        var audit = new AuditRecords(mvc);
        assertThat(audit.statusFor(otherAdmin, org)).isEqualTo(404);
        for (String action : actions) {
            assertThat(audit.of(otherAdmin, otherAdmin.orgId(), action)).as(action + " in the other tenant's trail").isEmpty();
        }
    }

    private MockHttpServletResponse download(Actor actor, String url) throws Exception {
        return mvc.perform(get(url).header("User-Agent", AGENT).with(r -> {
            r.setRemoteAddr(ADDRESS);
            return r;
        }).with(authentication(new ActorAuthentication(actor)))).andReturn().getResponse();
    }

    private static Map<String, Object> only(List<Map<String, Object>> records) {
        assertThat(records).hasSize(1);
        return records.getFirst();
    }
}
