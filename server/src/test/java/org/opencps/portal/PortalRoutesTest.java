package org.opencps.portal;

import static org.assertj.core.api.Assertions.assertThat;
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
import org.opencps.printing.DocumentFormat;
import org.opencps.printing.JobTicket;
import org.opencps.printing.PrintJobs;
import org.opencps.printing.SampleDocuments;
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

    /** Who visits: nobody logged in, then people of a root R, its provider P, P's customer C, and R's other customer D. */
    enum Who { VISITOR, ROOT_ADMIN, PROVIDER_ADMIN, PROVIDER_SUPPORT, CUSTOMER_ADMIN, PRINT_MANAGER, USER, OTHER_ADMIN }

    /** Where a route's {orgId} points. */
    enum Scope { NONE, ROOT, PROVIDER, CUSTOMER }

    record Route(String route, Scope scope, String expected, String body) {
    }

    static final String CUSTOMER_MEMBERS = "CUSTOMER_ADMIN=200 PRINT_MANAGER=200 USER=200 OTHER_ADMIN=200 *=403";
    static final String CUSTOMER_ADMIN_ONLY = "CUSTOMER_ADMIN=200 PROVIDER_ADMIN=403 PROVIDER_SUPPORT=403 PRINT_MANAGER=403 USER=403 *=404";
    static final String CUSTOMER_ADMIN_CHANGES = CUSTOMER_ADMIN_ONLY.replace("=200", "=ok");
    static final String PARENT_CHANGES = "PROVIDER_ADMIN=ok PROVIDER_SUPPORT=403 CUSTOMER_ADMIN=403 PRINT_MANAGER=403 USER=403 *=404";
    static final String QUOTA_MANAGERS = CUSTOMER_ADMIN_ONLY.replace("PRINT_MANAGER=403", "PRINT_MANAGER=200");
    /** Devices of a customer: its admins and the provider directly above (admin and support). */
    static final String DEVICE_VIEWERS = "CUSTOMER_ADMIN=200 PROVIDER_ADMIN=200 PROVIDER_SUPPORT=200 PRINT_MANAGER=403 USER=403 *=404";
    static final String DEVICE_CHANGES = DEVICE_VIEWERS.replace("=200", "=ok");
    /** Removing devices and their groups: not provider support. */
    static final String DEVICE_ADMINS_CHANGES = DEVICE_CHANGES.replace("PROVIDER_SUPPORT=ok", "PROVIDER_SUPPORT=403");
    static final String PROVIDER_PAGES = "PROVIDER_ADMIN=200 PROVIDER_SUPPORT=200 ROOT_ADMIN=403 *=404";

    /** Pages (GET): who gets what. "ok" in a form's line means allowed (not sent: it would change things). */
    static final List<Route> ROUTES = List.of(
            new Route("GET /", Scope.NONE, "*=302", null),
            new Route("GET /account", Scope.NONE, "*=200", null),
            new Route("GET /organizations/select", Scope.NONE, "*=200", null),
            new Route("GET /session/keepalive", Scope.NONE, "*=204", null),
            new Route("GET /tokens", Scope.NONE, "*=200", null),
            new Route("GET /jobs", Scope.NONE, CUSTOMER_MEMBERS, null),
            new Route("GET /jobs/list", Scope.NONE, CUSTOMER_MEMBERS, null),
            new Route("GET /jobs/{jobId}", Scope.NONE, "USER=200 *=404", null),
            new Route("GET /queue", Scope.NONE, CUSTOMER_MEMBERS, null),
            new Route("GET /cards", Scope.NONE, CUSTOMER_MEMBERS, null),
            new Route("GET /pin", Scope.NONE, CUSTOMER_MEMBERS.replace("*=403", "*=404"), null),
            new Route("GET /orgs/{orgId}/users", Scope.CUSTOMER, CUSTOMER_ADMIN_ONLY, null),
            new Route("GET /orgs/{orgId}/users/{userId}", Scope.CUSTOMER, CUSTOMER_ADMIN_ONLY, null),
            new Route("GET /orgs/{orgId}/groups", Scope.CUSTOMER, CUSTOMER_ADMIN_ONLY, null),
            new Route("GET /orgs/{orgId}/groups/{groupId}", Scope.CUSTOMER, CUSTOMER_ADMIN_ONLY, null),
            new Route("GET /orgs/{orgId}/roles", Scope.CUSTOMER, CUSTOMER_ADMIN_ONLY, null),
            new Route("GET /orgs/{orgId}/settings", Scope.CUSTOMER, CUSTOMER_ADMIN_ONLY, null),
            new Route("GET /orgs/{orgId}/manage", Scope.CUSTOMER, PARENT_CHANGES.replace("=ok", "=200"), null),
            new Route("GET /orgs/{orgId}/organizations", Scope.PROVIDER, PROVIDER_PAGES, null),
            new Route("GET /orgs/{orgId}/license-report", Scope.PROVIDER, PROVIDER_PAGES, null),
            new Route("GET /orgs/{orgId}/tree", Scope.ROOT, "ROOT_ADMIN=200 *=404", null),
            new Route("GET /usage", Scope.NONE, CUSTOMER_MEMBERS, null),
            new Route("GET /orgs/{orgId}/devices", Scope.CUSTOMER, DEVICE_VIEWERS, null),
            new Route("GET /orgs/{orgId}/devices/{deviceId}", Scope.CUSTOMER, DEVICE_VIEWERS, null),
            new Route("GET /release/{deviceId}", Scope.NONE,
                    "CUSTOMER_ADMIN=200 PRINT_MANAGER=200 USER=200 OTHER_ADMIN=404 *=403", null),
            new Route("GET /orgs/{orgId}/quotas", Scope.CUSTOMER, QUOTA_MANAGERS, null),
            new Route("GET /orgs/{orgId}/usage", Scope.CUSTOMER, CUSTOMER_ADMIN_ONLY, null),

            new Route("POST /jobs/{jobId}/delete", Scope.NONE, "USER=ok *=404", ""),
            new Route("POST /cards/{cardId}/delete", Scope.NONE, "USER=ok ROOT_ADMIN=403 PROVIDER_ADMIN=403 PROVIDER_SUPPORT=403 *=404", ""),
            new Route("POST /tokens/{tokenId}/revoke", Scope.NONE, "USER=ok *=404", ""),
            new Route("POST /organizations/select", Scope.NONE, "CUSTOMER_ADMIN=ok PRINT_MANAGER=ok USER=ok *=404", "organizationId=%ORG%"),
            new Route("POST /orgs/{orgId}/groups", Scope.CUSTOMER, CUSTOMER_ADMIN_CHANGES, "name=probe"),
            new Route("POST /orgs/{orgId}/groups/{groupId}/delete", Scope.CUSTOMER, CUSTOMER_ADMIN_CHANGES, ""),
            new Route("POST /orgs/{orgId}/groups/{groupId}/members", Scope.CUSTOMER, CUSTOMER_ADMIN_CHANGES, "userId=%USER%"),
            new Route("POST /orgs/{orgId}/groups/{groupId}/members/{userId}/remove", Scope.CUSTOMER, CUSTOMER_ADMIN_CHANGES, ""),
            new Route("POST /orgs/{orgId}/invitations", Scope.CUSTOMER, CUSTOMER_ADMIN_CHANGES, "email=probe@example.com&roles=CUSTOMER_USER"),
            new Route("POST /orgs/{orgId}/invitations/{invitationId}/revoke", Scope.CUSTOMER, CUSTOMER_ADMIN_CHANGES, ""),
            new Route("POST /orgs/{orgId}/users/{userId}/roles", Scope.CUSTOMER, CUSTOMER_ADMIN_CHANGES, "roles=PRINT_MANAGER"),
            new Route("POST /orgs/{orgId}/users/{userId}/pin-reset", Scope.CUSTOMER, CUSTOMER_ADMIN_CHANGES, ""),
            new Route("POST /orgs/{orgId}/users/{userId}/cards", Scope.CUSTOMER, CUSTOMER_ADMIN_CHANGES.replace("USER=403", "USER=ok"),
                    "number=DEADBEEF02&label=probe"),
            new Route("POST /orgs/{orgId}/users/{userId}/cards/{cardId}/delete", Scope.CUSTOMER,
                    CUSTOMER_ADMIN_CHANGES.replace("USER=403", "USER=ok"), ""),
            new Route("POST /orgs/{orgId}/users/{userId}/remove", Scope.CUSTOMER, CUSTOMER_ADMIN_CHANGES, ""),
            new Route("POST /orgs/{orgId}/roles", Scope.CUSTOMER, CUSTOMER_ADMIN_CHANGES, "name=probe&permissions=DEVICES_VIEW"),
            new Route("POST /orgs/{orgId}/roles/{roleId}/delete", Scope.CUSTOMER, CUSTOMER_ADMIN_CHANGES, ""),
            new Route("POST /orgs/{orgId}/settings", Scope.CUSTOMER, CUSTOMER_ADMIN_CHANGES,
                    "idleLogoutMinutes=5&jobRetentionHours=5&scanRetentionHours=5"),
            new Route("POST /orgs/{orgId}/print-settings", Scope.CUSTOMER, CUSTOMER_ADMIN_CHANGES, "holdJobs=false"),
            new Route("POST /orgs/{orgId}/rename", Scope.CUSTOMER, PARENT_CHANGES, "name=renamed"),
            new Route("POST /orgs/{orgId}/license", Scope.CUSTOMER, PARENT_CHANGES,
                    "deviceLimit=1&plan=x&termStart=2026-01-01&termEnd=2026-12-31"),
            new Route("POST /orgs/{orgId}/discontinue", Scope.CUSTOMER, PARENT_CHANGES, ""),
            new Route("POST /orgs/{orgId}/reactivate", Scope.CUSTOMER, PARENT_CHANGES, ""),
            new Route("POST /orgs/{orgId}/purge", Scope.CUSTOMER, PARENT_CHANGES, "confirmName=Probe+customer"),
            new Route("POST /orgs/{orgId}/organizations", Scope.PROVIDER, "PROVIDER_ADMIN=ok PROVIDER_SUPPORT=403 ROOT_ADMIN=403 *=404",
                    "kind=PROVIDER&name=probe"),
            new Route("POST /orgs/{orgId}/quotas/users/{userId}", Scope.CUSTOMER, QUOTA_MANAGERS.replace("=200", "=ok"),
                    "colorPagesPerMonth=5&monochromePagesPerMonth="),
            new Route("POST /orgs/{orgId}/quotas/groups/{groupId}", Scope.CUSTOMER, QUOTA_MANAGERS.replace("=200", "=ok"),
                    "colorPagesPerMonth=&monochromePagesPerMonth=50"),
            new Route("POST /release/{deviceId}", Scope.NONE, "USER=ok CUSTOMER_ADMIN=404 PRINT_MANAGER=404 OTHER_ADMIN=404 *=403",
                    "jobIds=%JOB%"),
            new Route("POST /jobs/{jobId}/release", Scope.NONE, "USER=ok CUSTOMER_ADMIN=404 PRINT_MANAGER=404 OTHER_ADMIN=404 *=403",
                    "printerId=%DEVICE%"),
            new Route("POST /orgs/{orgId}/devices/activation-codes", Scope.CUSTOMER, DEVICE_CHANGES, "validityHours=24&note=probe"),
            new Route("POST /orgs/{orgId}/devices/activation-codes/{codeId}/revoke", Scope.CUSTOMER, DEVICE_CHANGES, ""),
            new Route("POST /orgs/{orgId}/devices/baseline", Scope.CUSTOMER, DEVICE_CHANGES, "required=tlsOnly"),
            new Route("POST /orgs/{orgId}/devices/{deviceId}", Scope.CUSTOMER, DEVICE_CHANGES, "name=renamed"),
            new Route("POST /orgs/{orgId}/devices/{deviceId}/unregister", Scope.CUSTOMER, DEVICE_CHANGES, ""),
            new Route("POST /orgs/{orgId}/devices/{deviceId}/remove", Scope.CUSTOMER, DEVICE_ADMINS_CHANGES, ""),
            new Route("POST /orgs/{orgId}/device-groups", Scope.CUSTOMER, DEVICE_ADMINS_CHANGES, "name=probe"),
            new Route("POST /orgs/{orgId}/device-groups/{deviceGroupId}/delete", Scope.CUSTOMER, DEVICE_ADMINS_CHANGES, ""),
            new Route("POST /orgs/{orgId}/region-links", Scope.ROOT, "ROOT_ADMIN=ok *=404", "region=eu&eulaUrl=https://example.com/e"));

    /** Work without a login, or act only on the caller's own session, account or things. */
    static final Set<String> PUBLIC_OR_SELF = Set.of(
            "GET /login", "POST /login", "POST /logout", "GET /password-reset", "POST /password-reset",
            "GET /reset-password", "POST /reset-password", "GET /verify-email", "POST /verify-email",
            "GET /invitations/{token}", "POST /invitations/{token}", "GET /setup", "POST /setup", "POST /cookies/consent",
            "POST /account/password", "POST /account/logout-everywhere", "POST /tokens", "POST /pin/regenerate",
            "POST /queue/secret", "POST /queue/secret/revoke", "POST /cards", "POST /jobs");

    @Autowired MockMvc mvc;
    @Autowired World world;
    @Autowired JdbcClient jdbc;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;
    @Autowired Groups groups;
    @Autowired Invitations invitations;
    @Autowired Roles roles;
    @Autowired Cards cards;
    @Autowired ApiTokens tokens;
    @Autowired PrintJobs jobs;
    @Autowired ActivationCodes activationCodes;
    @Autowired DeviceRegistrations registrations;
    @Autowired DeviceGroups deviceGroups;

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
        groups.addMember(admin, customer, UUID.fromString(ids.get("groupId")), user.userId());
        ids.put("invitationId", invitations.invite(admin, customer, "later@example.com",
                Set.of(RoleRef.of(FixedRole.CUSTOMER_USER))).id().toString());
        ids.put("roleId", roles.createCustomRole(admin, customer, "probed", Set.of(Permission.DEVICES_VIEW)).id().toString());
        ids.put("cardId", cards.register(user, customer, user.userId(), "CAFE0002", "probed").id().toString());
        ids.put("tokenId", tokens.create(user, "probed", 30).token().id().toString());
        var code = activationCodes.create(admin, customer, null, "probed").code();
        ids.put("deviceId", registrations.register(new DeviceRegistration(code, DeviceKind.PRINTER, "Probed printer", "Model",
                "SN-1", "printer.local", "192.0.2.10"), "127.0.0.1").deviceId().value().toString());
        ids.put("codeId", activationCodes.create(admin, customer, null, "open").activationCode().id().toString());
        ids.put("deviceGroupId", deviceGroups.create(admin, customer, "probed").id().toString());
        ids.put("jobId", jobs.submit(user, new JobTicket("probed", DocumentFormat.PDF, 1, null, null, null, null),
                new ByteArrayInputStream(SampleDocuments.pdf(1))).id().toString());
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

    /** The person a page is for: the first role it answers 200. */
    private static Who allowedFor(Route route) {
        for (Who who : Who.values()) {
            if (who != Who.VISITOR && expectation(route, who).equals("200")) {
                return who;
            }
        }
        return null;
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
        return RowCounts.of(jdbc, "tenancy_", "identity_", "access_", "documents_", "printing_", "ipp_", "devices_");
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

    /** The status a line promises this person ("ok", or a number), falling back to its "*". */
    private static String expectation(Route route, Who who) {
        String fallback = null;
        for (String entry : route.expected().split(" ")) {
            String[] parts = entry.split("=");
            if (parts[0].equals(who.name())) {
                return parts[1];
            }
            if (parts[0].equals("*")) {
                fallback = parts[1];
            }
        }
        if (fallback == null) {
            throw new IllegalStateException(route.route() + " says nothing for " + who);
        }
        return fallback;
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
