package org.opencps.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencps.portal.PortalRouteTable.PUBLIC_OR_SELF;
import static org.opencps.portal.PortalRouteTable.ROUTES;
import static org.opencps.portal.PortalRouteTable.allowedFor;
import static org.opencps.portal.PortalRouteTable.expectation;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opencps.access.FixedRole;
import org.opencps.access.Permission;
import org.opencps.access.RoleRef;
import org.opencps.access.Roles;
import org.opencps.devices.ActivationCodes;
import org.opencps.devices.DeviceGroups;
import org.opencps.devices.DeviceKind;
import org.opencps.devices.DeviceRegistration;
import org.opencps.devices.DeviceRegistrations;
import org.opencps.identity.ApiTokens;
import org.opencps.identity.Cards;
import org.opencps.identity.Groups;
import org.opencps.identity.Invitations;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.opencps.platform.security.ActorAuthentication;
import org.opencps.portal.PortalRouteTable.Route;
import org.opencps.portal.PortalRouteTable.Scope;
import org.opencps.portal.PortalRouteTable.Who;
import org.opencps.printing.DocumentFormat;
import org.opencps.printing.JobTicket;
import org.opencps.printing.PrintJobs;
import org.opencps.printing.SampleDocuments;
import org.opencps.reporting.ExportFormat;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.RowCounts;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every portal route, as every role and as another organization's admin: each page answers what
 * the access table allows and refuses the rest with the 404 page (not known) or the 403 page (known,
 * not allowed), like the API. Every form refuses those not allowed and changes nothing. The routes
 * come from Spring's handler mappings: a page added without an entry here fails
 * {@link #everyPortalRouteHasAnEntry}.
 */
@OpenCpsTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalRoutesTest {

    @Autowired MockMvc mvc;
    @Autowired World world;
    @Autowired JdbcClient jdbc;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;
    @Autowired Groups groups;
    @Autowired org.opencps.identity.EmailDomains emailDomains; // google-import
    @Autowired Invitations invitations;
    @Autowired Roles roles;
    @Autowired Cards cards;
    @Autowired ApiTokens tokens;
    @Autowired PrintJobs jobs;
    @Autowired ActivationCodes activationCodes;
    @Autowired DeviceRegistrations registrations;
    @Autowired DeviceGroups deviceGroups;
    @Autowired org.opencps.reporting.recipients.ReportRecipients reportRecipients;
    @Autowired org.opencps.reporting.schedule.ReportSchedules reportSchedules;
    @Autowired org.opencps.scanning.Scans scans;
    @Autowired org.opencps.scanning.ScanAdministration scanAdministration;
    @Autowired org.opencps.scanning.ScanWorkflows scanWorkflows;

    final Map<Who, Actor> actors = new EnumMap<>(Who.class);
    final Map<Scope, OrgId> orgs = new EnumMap<>(Scope.class);
    final Map<String, String> ids = new LinkedHashMap<>();

    @BeforeAll
    void tree() {
        OrgId root = world.root();
        OrgId provider = world.provider(root, "Probe provider");
        OrgId customer = world.customer(provider, "Probe customer");
        OrgId other = world.customer(root, "Other customer");
        orgs.put(Scope.ROOT, root);
        orgs.put(Scope.PROVIDER, provider);
        orgs.put(Scope.CUSTOMER, customer);
        actors.put(Who.ROOT_ADMIN, world.rootAdmin().actor());
        actors.put(Who.PROVIDER_ADMIN, world.adminOf(provider).actor());
        actors.put(Who.PROVIDER_SUPPORT, world.person(provider, FixedRole.PROVIDER_SUPPORT).actor());
        Actor admin = world.person(customer, FixedRole.CUSTOMER_ADMIN).actor();
        actors.put(Who.CUSTOMER_ADMIN, admin);
        actors.put(Who.PRINT_MANAGER, world.person(customer, FixedRole.PRINT_MANAGER).actor());
        Actor user = world.person(customer, FixedRole.CUSTOMER_USER).actor();
        actors.put(Who.USER, user);
        actors.put(Who.OTHER_ADMIN, world.person(other, FixedRole.CUSTOMER_ADMIN).actor());
        ids.put("userId", user.userId().toString());
        ids.put("groupId", groups.create(admin, customer, "probed").id().toString());
        ids.put("domain", emailDomains.claim(admin, customer, "probed-" + UUID.randomUUID().toString().substring(0, 8) + ".example")
                .domain()); // google-import
        groups.addMember(admin, customer, UUID.fromString(ids.get("groupId")), user.userId());
        ids.put("invitationId", invitations.invite(admin, customer, "later@example.com",
                Set.of(RoleRef.of(FixedRole.CUSTOMER_USER))).id().toString());
        ids.put("roleId", roles.createCustomRole(admin, customer, "probed", Set.of(Permission.DEVICES_VIEW)).id().toString());
        // the admin registers it, so it waits for the user: only the user may confirm it
        ids.put("cardId", cards.register(admin, customer, user.userId(), "CAFE0002", "probed").id().toString());
        ids.put("tokenId", tokens.create(user, "probed", 30).token().id().toString());
        var code = activationCodes.create(admin, customer, null, "probed").code();
        ids.put("deviceId", registrations.register(new DeviceRegistration(code, DeviceKind.PRINTER, "Probed printer", "Model",
                "SN-1", "printer.local", "192.0.2.10"), "127.0.0.1").deviceId().value().toString());
        ids.put("codeId", activationCodes.create(admin, customer, null, "open").activationCode().id().toString());
        ids.put("deviceGroupId", deviceGroups.create(admin, customer, "probed").id().toString());
        ids.put("jobId", jobs.submit(user, new JobTicket("probed", DocumentFormat.PDF, 1, null, null, null, null),
                new ByteArrayInputStream(SampleDocuments.pdf(1))).id().toString());
        // reports-schedules
        ids.put("recipientId", reportRecipients.add(admin, customer, "probed-recipient@example.com", "en").id().toString());
        ids.put("scheduleId", reportSchedules.create(admin, customer, new org.opencps.reporting.schedule.NewSchedule("CONTRACT_HISTORY",
                org.opencps.reporting.schedule.Cadence.MONTHLY, Set.of(org.opencps.reporting.ExportFormat.CSV), "en",
                Set.of(admin.userId()), Set.of())).id().toString());
        // scan-portal: the user's scan from the probed printer, an address-book entry and a workflow
        var atPrinter = new org.opencps.devices.DeviceSession(customer, UUID.randomUUID(),
                org.opencps.platform.ids.DeviceId.of(UUID.fromString(ids.get("deviceId"))), user.userId(), java.time.Instant.now());
        byte[] scanned = SampleDocuments.pdf(1);
        ids.put("scanId", scans.upload(atPrinter, new org.opencps.scanning.ScanRequest("me", null, null, null,
                org.opencps.scanning.ScanFormat.PDF, null, null), scanned.length, new ByteArrayInputStream(scanned), "127.0.0.1")
                .id().toString());
        ids.put("addressId", scanAdministration.addAddress(admin, customer, "Probed", "probed@example.com").id().toString());
        ids.put("workflowId", scanWorkflows.create(admin, customer, new org.opencps.scanning.NewScanWorkflow("probed",
                org.opencps.scanning.DestinationKind.MY_SCANS, null, null, null, true, Set.of())).id().toString());
    }

    @Test
    void everyPortalRouteHasAnEntry() {
        Set<String> listed = new TreeSet<>(PUBLIC_OR_SELF);
        ROUTES.forEach(route -> listed.add(route.route()));
        assertThat(portalRoutes()).allSatisfy(route -> assertThat(listed).as("portal route %s has no entry", route).contains(route));
    }

    @Test
    void everyPageAnswersEachRoleAsTheAccessTableSays() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Route route : ROUTES) {
            if (!route.route().startsWith("GET ")) {
                continue;
            }
            for (Who who : Who.values()) {
                int expected = who == Who.VISITOR ? 302 : Integer.parseInt(expectation(route, who));
                MvcResult result = mvc.perform(as(who, get(url(route)))).andReturn();
                int status = result.getResponse().getStatus();
                if (status != expected) {
                    wrong.add(route.route() + " as " + who + " -> " + status + ", expected " + expected);
                }
                if (who == Who.VISITOR && !String.valueOf(result.getResponse().getRedirectedUrl()).contains("/login")) {
                    wrong.add(route.route() + " as a visitor does not go to the login page");
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyFormRefusesThoseNotAllowedAndChangesNothing() throws Exception {
        List<String> wrong = new ArrayList<>();
        Map<String, Integer> before = rows();
        for (Route route : ROUTES) {
            if (!route.route().startsWith("POST ")) {
                continue;
            }
            for (Who who : Who.values()) {
                String expected = who == Who.VISITOR ? "302" : expectation(route, who);
                if (expected.equals("ok")) {
                    continue;
                }
                String body = route.body().replace("%ORG%", orgs.get(Scope.CUSTOMER).toString()).replace("%USER%", ids.get("userId"))
                        .replace("%JOB%", ids.get("jobId")).replace("%DEVICE%", ids.get("deviceId"));
                var request = post(url(route)).contentType("application/x-www-form-urlencoded").content(body).with(csrf());
                int status = mvc.perform(as(who, request)).andReturn().getResponse().getStatus();
                if (status != Integer.parseInt(expected)) {
                    wrong.add(route.route() + " as " + who + " -> " + status + ", expected " + expected);
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(rows()).as("rows after the refused forms").isEqualTo(before);
    }

    /** Public pages a visitor opens, with the links' tokens missing or wrong. */
    static final List<String> PUBLIC_PAGES = List.of("/login", "/password-reset", "/reset-password?token=rst_x",
            "/verify-email?token=ver_x", "/invitations/inv_unknown", "/setup?token=x", "/no-such-page");

    @Test
    void everyPageHasTheSecurityHeadersAndNoInlineScriptOrStyle() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Route route : ROUTES) {
            Who allowed = route.route().startsWith("GET ") ? allowedFor(route) : null;
            if (allowed != null) {
                check(route.route(), mvc.perform(as(allowed, get(url(route)))).andReturn(), wrong);
            }
        }
        for (String page : PUBLIC_PAGES) {
            check("GET " + page, mvc.perform(get(page)).andReturn(), wrong);
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void strictTransportSecurityIsSentOverTlsOnly() throws Exception {
        assertThat(mvc.perform(get("/login").secure(true)).andReturn().getResponse().getHeader("Strict-Transport-Security"))
                .contains("max-age=31536000");
        assertThat(mvc.perform(get("/login")).andReturn().getResponse().getHeader("Strict-Transport-Security")).isNull();
    }

    private static final Pattern INLINE = Pattern.compile(
            "<script(?![^>]*\\bsrc=)[^>]*>|<style|<[^>]*\\s(style|on[a-z]+)\\s*=[^>]*>|javascript:", Pattern.CASE_INSENSITIVE);

    private static void check(String page, MvcResult result, List<String> wrong) throws Exception {
        var response = result.getResponse();
        String csp = String.valueOf(response.getHeader("Content-Security-Policy"));
        for (String directive : List.of("default-src 'self'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'none'",
                "object-src 'none'", "base-uri 'none'")) {
            if (!csp.contains(directive)) {
                wrong.add(page + ": Content-Security-Policy lacks " + directive);
            }
        }
        if (!"nosniff".equals(response.getHeader("X-Content-Type-Options"))) {
            wrong.add(page + ": no X-Content-Type-Options: nosniff");
        }
        if (!"DENY".equals(response.getHeader("X-Frame-Options"))) {
            wrong.add(page + ": no X-Frame-Options: DENY");
        }
        if (!"no-referrer".equals(response.getHeader("Referrer-Policy"))) {
            wrong.add(page + ": no Referrer-Policy: no-referrer");
        }
        String type = String.valueOf(response.getContentType());
        if (type.startsWith("text/html")) {
            var inline = INLINE.matcher(response.getContentAsString());
            if (inline.find()) {
                wrong.add(page + ": inline script or style: " + inline.group());
            }
        }
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefusedEvenForWhoMayUseIt() throws Exception {
        Map<String, Integer> before = rows();
        var request = post("/orgs/" + orgs.get(Scope.CUSTOMER) + "/groups").contentType("application/x-www-form-urlencoded")
                .content("name=forged");
        assertThat(mvc.perform(as(Who.CUSTOMER_ADMIN, request)).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(rows()).isEqualTo(before);
    }

    /** Rows of every module's tables (not the audit trail's, which records refusals, nor sessions). */
    private Map<String, Integer> rows() {
        return RowCounts.of(jdbc, "tenancy_", "identity_", "access_", "documents_", "printing_", "ipp_", "devices_", "scanning_");
    }

    private MockHttpServletRequestBuilder as(Who who, MockHttpServletRequestBuilder request) {
        return who == Who.VISITOR ? request : request.with(authentication(new ActorAuthentication(actors.get(who))));
    }

    private String url(Route route) {
        String url = route.route().substring(route.route().indexOf(' ') + 1);
        if (route.scope() != Scope.NONE) {
            url = url.replace("{orgId}", orgs.get(route.scope()).toString());
        }
        for (var id : ids.entrySet()) {
            url = url.replace("{" + id.getKey() + "}", id.getValue());
        }
        return url;
    }

    private Set<String> portalRoutes() {
        Set<String> routes = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            if (!isPortal(method)) {
                return;
            }
            info.getPatternValues().forEach(pattern -> info.getMethodsCondition().getMethods()
                    .forEach(m -> routes.add(m.name() + " " + pattern)));
        });
        assertThat(routes).as("portal routes found").contains("GET /jobs");
        return routes;
    }

    private static boolean isPortal(HandlerMethod method) {
        return method.getBeanType().getPackageName().startsWith("org.opencps.portal");
    }
}
