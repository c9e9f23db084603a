package org.opencps.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencps.testing.Eventually.allEventsDelivered;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opencps.access.FixedRole;
import org.opencps.access.Permission;
import org.opencps.access.Roles;
import org.opencps.devices.ActivationCodes;
import org.opencps.devices.DeviceGroups;
import org.opencps.devices.DeviceKind;
import org.opencps.devices.DeviceLogin;
import org.opencps.devices.DeviceLogins;
import org.opencps.devices.DevicePrincipal;
import org.opencps.devices.DeviceRegistration;
import org.opencps.devices.DeviceRegistrations;
import org.opencps.devices.RegisteredDevice;
import org.opencps.identity.ApiTokens;
import org.opencps.identity.Cards;
import org.opencps.identity.Groups;
import org.opencps.identity.Invitations;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.opencps.platform.security.ActorAuthentication;
import org.opencps.reporting.ExportFormat;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every API route, called by an admin of one customer organization with the ids of another
 * organization and of another person, answers 404 (or 403 where the organization is known to the
 * caller) and changes nothing. Every route must be listed here: a new route without a probe fails
 * {@link #everyRouteIsProbedOrDeclaredPublicOrSelf}.
 */
@OpenCpsTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrossTenantProbeTest {

    /** Routes that need no login, or that act only on the caller's own session. */
    static final Set<String> PUBLIC_OR_SELF = Set.of(
            "POST /api/v1/auth/login", "POST /api/v1/auth/logout", "POST /api/v1/auth/logout-everywhere",
            "POST /api/v1/auth/signup", "POST /api/v1/auth/verify-email", "GET /api/v1/auth/challenge",
            "POST /api/v1/auth/password-reset", "POST /api/v1/auth/password-reset/complete",
            "GET /api/v1/invitations/{token}", "POST /api/v1/invitations/{token}/accept", "POST /api/v1/setup",
            "GET /api/v1/me", "GET /api/v1/me/organizations", "PUT /api/v1/me/password", "GET /api/v1/me/pin",
            "POST /api/v1/me/pin/regenerate", "GET /api/v1/me/tokens", "POST /api/v1/me/tokens", "GET /api/v1/me/cards",
            "POST /api/v1/me/cards", "GET /api/v1/permissions", "GET /api/v1/public/regions/{region}/links",
            "GET /api/v1/jobs", "POST /api/v1/jobs",
            "GET /api/v1/me/print-queue", "POST /api/v1/me/print-queue/secret", "DELETE /api/v1/me/print-queue/secret",
            "GET /api/v1/me/usage",
            // the Device API: registration needs only a code; these act on the calling device itself
            "POST /api/device/v1/registrations", "POST /api/device/v1/credential", "POST /api/device/v1/printers",
            "GET /api/v1/release-printers",
            // reports-schedules: the links mailed to report recipients (they carry no organization id)
            "POST /api/v1/public/report-recipients/confirmations/{token}", "POST /api/v1/public/report-recipients/unsubscribe/{token}",
            // scan-core: the caller's own scans and the workflows shared with them
            "GET /api/v1/scans", "GET /api/v1/me/scan-workflows",
            // scan-cloud: the caller's own linked cloud accounts (CloudLinkingTest probes another person's link)
            "GET /api/v1/me/cloud-accounts", "POST /api/v1/me/cloud-accounts/{service}/link",
            "DELETE /api/v1/me/cloud-accounts/{service}", "PUT /api/v1/me/cloud-accounts/sharepoint/drive",
            // sso-oidc: called by an identity provider, authenticated by its signed logout token alone
            "POST /api/v1/public/sso/oidc/{providerId}/backchannel-logout",
            // saml: OpenCPS's SP metadata, read by the IdP (public certificate and URLs only)
            "GET /api/v1/public/sso/saml/{providerId}/metadata",
            // second-factor: the second step of a login (the pending sign-in's own), step-up and the caller's own factor
            // (SecondFactorLoginTest and StepUpTest show what a pending sign-in and an API token cannot do with them)
            "POST /api/v1/auth/second-factor", "POST /api/v1/auth/step-up", "GET /api/v1/me/second-factor",
            "POST /api/v1/me/second-factor/totp", "POST /api/v1/me/second-factor/totp/confirm",
            "DELETE /api/v1/me/second-factor/totp", "POST /api/v1/me/second-factor/recovery-codes",
            // mfa-policy: the enrolment of a pending sign-in (its own; RequiredSecondFactorTest shows what it reaches)
            "POST /api/v1/auth/second-factor/enrolment");

    /** A JSON body that passes validation, so that access is what refuses the request. */
    static final Map<String, String> BODIES = Map.ofEntries(
            Map.entry("PATCH /api/v1/organizations/{id}", "{\"name\":\"renamed\"}"),
            Map.entry("POST /api/v1/organizations/{id}/children", "{\"kind\":\"PROVIDER\",\"name\":\"probe child\"}"),
            Map.entry("PUT /api/v1/organizations/{id}/license",
                    "{\"deviceLimit\":1,\"plan\":\"x\",\"termStart\":\"2026-01-01\",\"termEnd\":\"2026-12-31\"}"),
            Map.entry("PUT /api/v1/organizations/{id}/settings",
                    "{\"idleLogoutMinutes\":5,\"jobRetentionHours\":5}"),
            Map.entry("POST /api/v1/organizations/{id}/purge", "{\"confirmName\":\"Probe victim\"}"),
            Map.entry("PUT /api/v1/organizations/{id}/cloud-clients/{provider}", "{\"clientId\":\"probe\",\"clientSecret\":\"probe\"}"),
            Map.entry("PUT /api/v1/organizations/{rootId}/regions/{region}/links", "{\"eulaUrl\":\"https://example.com/eula\"}"),
            Map.entry("PUT /api/v1/organizations/{orgId}/members/{userId}/roles", "{\"roles\":[\"CUSTOMER_USER\"]}"),
            Map.entry("POST /api/v1/organizations/{orgId}/members/{userId}/cards", "{\"number\":\"DEADBEEF01\",\"label\":\"probe\"}"),
            Map.entry("POST /api/v1/organizations/{orgId}/invitations", "{\"email\":\"probe@example.com\",\"roles\":[\"CUSTOMER_USER\"]}"),
            Map.entry("POST /api/v1/organizations/{orgId}/groups", "{\"name\":\"probe\"}"),
            Map.entry("POST /api/v1/organizations/{orgId}/roles", "{\"name\":\"probe\",\"permissions\":[\"DEVICES_VIEW\"]}"),
            Map.entry("PUT /api/v1/organizations/{orgId}/print-settings", "{\"holdJobs\":false,\"forceMonochrome\":true}"),
            Map.entry("PUT /api/v1/organizations/{orgId}/quotas/users/{userId}", "{\"colorPagesPerMonth\":1}"),
            Map.entry("PUT /api/v1/organizations/{orgId}/quotas/groups/{groupId}", "{\"monochromePagesPerMonth\":1}"),
            Map.entry("POST /api/v1/auth/organization", "{\"organizationId\":\"%ORG%\"}"),
            Map.entry("PATCH /api/v1/organizations/{orgId}/devices/{deviceId}", "{\"name\":\"renamed\"}"),
            Map.entry("PUT /api/v1/organizations/{orgId}/devices/baseline", "{\"tlsOnly\":true}"),
            Map.entry("POST /api/v1/organizations/{orgId}/devices/groups", "{\"name\":\"probe\"}"),
            Map.entry("PATCH /api/v1/organizations/{orgId}/devices/groups/{deviceGroupId}", "{\"name\":\"probe\"}"),
            Map.entry("POST /api/v1/organizations/{orgId}/devices/activation-codes", "{\"validityHours\":2}"),
            Map.entry("POST /api/device/v1/devices/{device}/heartbeat", "{\"status\":\"IDLE\"}"),
            Map.entry("POST /api/device/v1/devices/{device}/sessions", "{\"method\":\"PIN\",\"pin\":\"%PIN%\"}"),
            Map.entry("POST /api/device/v1/devices/{device}/sessions/current/cards", "{\"cardNumber\":\"DEADBEEF02\"}"),
            Map.entry("POST /api/device/v1/devices/{device}/sessions/current/releases", "{\"jobIds\":[\"%JOB%\"]}"),
            Map.entry("POST /api/device/v1/devices/{device}/releases/{jobId}/outcome", "{\"success\":true}"),
            Map.entry("POST /api/v1/devices/{device}/releases", "{\"jobIds\":[\"%JOB%\"]}"),
            // audit-chain
            Map.entry("PUT /api/v1/organizations/{orgId}/audit/settings", "{\"retentionDays\":90}"),
            // audit-rest: an organization's own SIEM target (OrganizationSiemTest checks that nothing is saved)
            Map.entry("PUT /api/v1/organizations/{orgId}/audit/siem",
                    "{\"host\":\"localhost\",\"port\":6514,\"format\":\"CEF\",\"trustedCertificates\":\"probe\"}"),
            // reports-usage
            Map.entry("PUT /api/v1/organizations/{orgId}/environment-factors", "{\"gramsCo2PerSheet\":1,"
                    + "\"litresWaterPerSheet\":1,\"wattHoursPerSheet\":1,\"gramsCo2PerColorPage\":1,\"gramsCo2PerMonochromePage\":1}"),
            // reports-schedules
            Map.entry("POST /api/v1/organizations/{orgId}/report-recipients", "{\"email\":\"probe@example.com\",\"language\":\"en\"}"),
            Map.entry("POST /api/v1/organizations/{orgId}/report-schedules",
                    "{\"kind\":\"CUSTOMER_CONTRACT\",\"cadence\":\"DAILY\",\"formats\":[\"CSV\"],\"people\":[],\"recipients\":[]}"),
            // scan-core
            Map.entry("PUT /api/v1/organizations/{orgId}/scan-settings", """
                    {"allowedDestinations":["MY_SCANS"],"directEmailAllowed":true,"retentionHours":2,"maxScanBytes":1048576,
                     "attachmentLimitBytes":0,"boxDirect":false}"""),
            Map.entry("POST /api/v1/organizations/{orgId}/scan-addresses", "{\"name\":\"probe\",\"email\":\"probe@example.com\"}"),
            Map.entry("POST /api/v1/organizations/{orgId}/scan-workflows", "{\"name\":\"probe\",\"kind\":\"MY_SCANS\",\"everyone\":true}"),
            // sso-oidc
            Map.entry("PUT /api/v1/organizations/{orgId}/sso/oidc", "{\"preset\":\"GENERIC\",\"issuer\":\"https://idp.example.com\","
                    + "\"clientId\":\"probe\",\"clientSecret\":\"probe\",\"emailDomains\":[\"probe.example\"]}"),
            Map.entry("PUT /api/v1/organizations/{orgId}/sso/policy", "{\"ssoOnly\":true}"),
            // saml
            Map.entry("PUT /api/v1/organizations/{orgId}/sso/saml", "{\"idpMetadataUrl\":\"https://idp.example.com/metadata\","
                    + "\"emailDomains\":[\"probe.example\"]}"),
            // saml-hardening
            Map.entry("POST /api/v1/organizations/{orgId}/sso/saml/key-rotation", "{\"transitionDays\":7}"),
            // google-import: e-mail domain proof
            Map.entry("POST /api/v1/organizations/{orgId}/sso/domains", "{\"domain\":\"probe.example\"}"),
            Map.entry("PUT /api/v1/organizations/{orgId}/google-workspace/selection", "{\"allUsers\":true,\"groupKeys\":[]}"),
            // mfa-policy
            Map.entry("PUT /api/v1/organizations/{orgId}/second-factor-policy", "{\"requiredFor\":\"EVERYONE\",\"graceDays\":3}"));

    @Autowired MockMvc mvc;
    @Autowired World world;
    @Autowired JdbcClient jdbc;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;
    @Autowired Cards cards;
    @Autowired ApiTokens tokens;
    @Autowired Groups groups;
    @Autowired org.opencps.identity.EmailDomains emailDomains; // google-import
    @Autowired Invitations invitations;
    @Autowired Roles roles;
    @Autowired org.opencps.printing.PrintJobs printJobs;
    @Autowired ActivationCodes activationCodes;
    @Autowired DeviceRegistrations deviceRegistrations;
    @Autowired DeviceGroups deviceGroups;
    @Autowired org.opencps.identity.Pins pins;
    @Autowired DeviceLogins deviceLogins;
    @Autowired org.opencps.reporting.recipients.ReportRecipients reportRecipients;
    @Autowired org.opencps.reporting.schedule.ReportSchedules reportSchedules;
    @Autowired org.opencps.scanning.Scans scans;
    @Autowired org.opencps.scanning.ScanAdministration scanAdministration;
    @Autowired org.opencps.scanning.ScanWorkflows scanWorkflows;

    Actor attacker;
    /** A device of the attacker's organization: the Device API is probed with its credential. */
    String attackerDevice;
    String victimSession;
    String victimPin;
    OrgId attackerOrg;
    final Map<String, String> victimIds = new LinkedHashMap<>();

    @BeforeAll
    void twoCustomers() {
        attackerOrg = world.customer(world.root(), "Probe attacker");
        OrgId victimOrg = world.customer(world.root(), "Probe victim");
        attacker = world.person(attackerOrg, FixedRole.CUSTOMER_ADMIN).actor();
        Actor victimAdmin = world.person(victimOrg, FixedRole.CUSTOMER_ADMIN).actor();
        victimIds.put("orgId", victimOrg.toString());
        victimIds.put("id", victimOrg.toString());
        victimIds.put("rootId", victimOrg.toString());
        victimIds.put("region", "eu");
        victimIds.put("provider", "google"); // scan-cloud: an organization's own OAuth client
        victimIds.put("service", "victim"); // scan-cloud: the caller's own accounts carry no foreign id
        victimIds.put("providerId", UUID.randomUUID().toString());
        victimIds.put("userId", victimAdmin.userId().toString());
        // registered by a colleague, so it waits for the victim: nobody but the victim may confirm it
        Actor victimColleague = world.person(victimOrg, FixedRole.CUSTOMER_ADMIN).actor();
        victimIds.put("cardId", cards.register(victimColleague, victimOrg, victimAdmin.userId(), "CAFE0001", "victim").id().toString());
        victimIds.put("tokenId", tokens.create(victimAdmin, "victim", 30).token().id().toString());
        victimIds.put("groupId", groups.create(victimAdmin, victimOrg, "victims").id().toString());
        victimIds.put("domain", emailDomains.claim(victimAdmin, victimOrg, // google-import: a domain the victim claimed
                "victim-" + UUID.randomUUID().toString().substring(0, 8) + ".example").domain());
        victimIds.put("invitationId", invitations.invite(victimAdmin, victimOrg, "later@example.com",
                Set.of(org.opencps.access.RoleRef.of(FixedRole.CUSTOMER_USER))).id().toString());
        victimIds.put("jobId", printJobs.submit(victimAdmin, new org.opencps.printing.JobTicket("victim's job",
                        org.opencps.printing.DocumentFormat.PDF, 1, null, null, null, null),
                new java.io.ByteArrayInputStream(org.opencps.printing.SampleDocuments.pdf(1))).id().toString());
        victimIds.put("roleId", roles.createCustomRole(victimAdmin, victimOrg, "victim role", Set.of(Permission.DEVICES_VIEW)).id().toString());
        var victimDevice = register(victimAdmin, victimOrg);
        victimIds.put("deviceId", victimDevice.deviceId().toString());
        victimIds.put("device", victimDevice.deviceId().toString());
        victimIds.put("deviceGroupId", deviceGroups.create(victimAdmin, victimOrg, "victims").id().toString());
        victimIds.put("codeId", activationCodes.create(victimAdmin, victimOrg, null, "victim").activationCode().id().toString());
        victimPin = pins.myPin(victimAdmin).pin();
        var victimPrinter = new DevicePrincipal(victimOrg, victimDevice.deviceId(),
                DeviceKind.PRINTER);
        victimSession = deviceLogins.login(victimPrinter, new DeviceLogin(
                DeviceLogin.Method.PIN, victimPin, null, null, null), "127.0.0.1").session();
        attackerDevice = register(attacker, attackerOrg).credential();
        // reports-schedules: a report recipient and a schedule of the victim
        victimIds.put("recipientId", reportRecipients.add(victimAdmin, victimOrg, "victim-recipient@example.com", "en").id().toString());
        victimIds.put("scheduleId", reportSchedules.create(victimAdmin, victimOrg, new org.opencps.reporting.schedule.NewSchedule(
                "CONTRACT_HISTORY", org.opencps.reporting.schedule.Cadence.MONTHLY,
                Set.of(org.opencps.reporting.ExportFormat.CSV), "en", Set.of(victimAdmin.userId()), Set.of())).id().toString());
        victimScanning(victimAdmin, victimOrg, victimPrinter);
    }

    /** scan-core: the victim's scan (made at the victim's printer), address-book entry and workflow. */
    private void victimScanning(Actor victimAdmin, OrgId victimOrg, DevicePrincipal victimPrinter) {
        var session = deviceLogins.session(victimPrinter, victimSession, "127.0.0.1");
        victimIds.put("scanId", scans.upload(session, new org.opencps.scanning.ScanRequest("me", null, null, null,
                        org.opencps.scanning.ScanFormat.PDF, null, null), -1,
                new java.io.ByteArrayInputStream(org.opencps.printing.SampleDocuments.pdf(1)), "127.0.0.1").id().toString());
        victimIds.put("addressId", scanAdministration.addAddress(victimAdmin, victimOrg, "victims", "victims@example.com").id().toString());
        victimIds.put("workflowId", scanWorkflows.create(victimAdmin, victimOrg, new org.opencps.scanning.NewScanWorkflow("victims",
                org.opencps.scanning.DestinationKind.MY_SCANS, null, null, null, true, null)).id().toString());
    }

    private RegisteredDevice register(Actor admin, OrgId target) {
        String code = activationCodes.create(admin, target, null, null).code();
        return deviceRegistrations.register(new DeviceRegistration(code,
                DeviceKind.PRINTER, "probe printer", null, null, null, null), "127.0.0.1");
    }

    @Test
    void everyRouteIsProbedOrDeclaredPublicOrSelf() {
        assertThat(apiRoutes()).allSatisfy(route -> assertThat(PUBLIC_OR_SELF.contains(route) || probed(route))
                .as("route %s is neither probed with foreign ids nor declared public/self", route).isTrue());
    }

    @Test
    void foreignIdsGet404Or403AndChangeNothing() throws Exception {
        List<String> wrong = new ArrayList<>();
        Map<String, Long> before = rowCounts();
        for (String route : apiRoutes()) {
            if (!probed(route)) {
                continue;
            }
            probe(route, victimIds, Set.of(403, 404), wrong);
            probe(route, withOrganization(victimIds, world.root()), Set.of(403, 404), wrong);
            if (route.contains("{orgId}") && route.indexOf('{') != route.lastIndexOf('{')) {
                probe(route, withOrganization(victimIds, attackerOrg), Set.of(404), wrong);
            }
        }
        assertThat(wrong).as("routes that answered other than refused").isEmpty();
        assertThat(rowCounts()).as("rows after the probe").isEqualTo(before);
        assertThat(cards.userWithCard(OrgId.parse(victimIds.get("orgId")), "CAFE0001")).as("the victim's card still waits for them").isEmpty();
    }

    /** The same foreign ids, but the organization in the path is another one (the caller's parent, say). */
    private static Map<String, String> withOrganization(Map<String, String> ids, OrgId org) {
        var changed = new LinkedHashMap<>(ids);
        for (String key : List.of("orgId", "id", "rootId")) {
            changed.put(key, org.toString());
        }
        return changed;
    }

    private void probe(String route, Map<String, String> ids, Set<Integer> allowed, List<String> wrong) throws Exception {
        String method = route.substring(0, route.indexOf(' '));
        String pattern = route.substring(route.indexOf(' ') + 1);
        String url = pattern;
        for (var id : ids.entrySet()) {
            url = url.replace("{" + id.getKey() + "}", id.getValue());
        }
        var call = request(HttpMethod.valueOf(method), url);
        if (pattern.startsWith("/api/device/")) {
            // the Device API with another organization's device credential, and the victim's session where one is used
            call.header("Authorization", "Bearer " + attackerDevice).header("X-OpenCPS-Session", victimSession);
        } else {
            call.with(authentication(new ActorAuthentication(attacker)));
        }
        String body = BODIES.get(route);
        if (body != null) {
            call.contentType(MediaType.APPLICATION_JSON).content(body.replace("%ORG%", ids.get("orgId")).replace("%PIN%", victimPin)
                    .replace("%JOB%", ids.get("jobId")));
        }
        int status = mvc.perform(call).andReturn().getResponse().getStatus();
        if (!allowed.contains(status)) {
            wrong.add(route + " as " + url + " -> " + status);
        }
    }

    /** Probed with foreign ids: in the path, or (the tenant selector) in the body. */
    private static boolean probed(String route) {
        return hasIds(route) || BODIES.getOrDefault(route, "").contains("%ORG%");
    }

    private static boolean hasIds(String route) {
        return route.contains("{") && !route.contains("{token}");
    }

    private Set<String> apiRoutes() {
        Set<String> routes = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().stream()
                .filter(pattern -> pattern.startsWith("/api/"))
                .forEach(pattern -> info.getMethodsCondition().getMethods()
                        .forEach(method -> routes.add(method.name() + " " + pattern))));
        return routes;
    }

    /** Once what earlier tests published has been delivered (reporting's roll-ups, for one, are written after a commit). */
    private Map<String, Long> rowCounts() {
        allEventsDelivered(jdbc);
        Map<String, Long> counts = new LinkedHashMap<>();
        List<String> tables = jdbc.sql("""
                        SELECT table_name FROM information_schema.tables
                        WHERE LOWER(table_schema) = 'public' AND table_type IN ('BASE TABLE', 'TABLE')""")
                .query(String.class).list();
        for (String table : tables) {
            String name = table.toLowerCase();
            // event_publication: the event registry's bookkeeping, emptied as earlier events are delivered;
            // platform_job_run: the periodic jobs' records, written in the background
            if (name.startsWith("audit_") || name.startsWith("spring_session") || name.startsWith("flyway") || name.equals("shedlock")
                    || name.equals("event_publication") || name.equals("platform_job_run")) {
                continue;
            }
            counts.put(name, jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single());
        }
        assertThat(counts).as("tables found").containsKey("identity_user");
        return counts;
    }
}
