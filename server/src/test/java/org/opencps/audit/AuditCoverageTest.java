package org.opencps.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencps.testing.Eventually.eventually;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.devices.DeviceKit;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.opencps.platform.security.ActorAuthentication;
import org.opencps.testing.Api;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every state-changing route (POST, PUT, PATCH, DELETE, from Spring's own handler mappings: the
 * API here, the portal's forms and SCIM in {@link PortalAuditCoverage}) is either known to leave
 * an audit record, with the action it records, or listed with the reason it does not: a new route
 * that is neither fails. The changes this branch made audited
 * (settings with before and after, print settings, licenses, custom roles, the audit retention)
 * are driven through the API here and their records checked, with the source's user agent where
 * the record is made on the request's thread.
 */
@OpenCpsTest
@Import(DeviceKit.class)
class AuditCoverageTest {

    /** Routes that change state and the action their audit record carries. */
    static final Map<String, String> AUDITED = Map.ofEntries(
            Map.entry("DELETE /api/v1/jobs/{jobId}", "PRINT_JOB_DELETED"),
            Map.entry("DELETE /api/v1/me/cards/{cardId}", "CARD_REMOVED"),
            Map.entry("DELETE /api/v1/me/tokens/{tokenId}", "API_TOKEN_REVOKED"),
            Map.entry("POST /api/v1/public/sso/oidc/{providerId}/backchannel-logout", "SESSIONS_ENDED_BY_IDENTITY_PROVIDER"),
            Map.entry("DELETE /api/v1/me/print-queue/secret", "PRINT_QUEUE_SECRET_URL_REVOKED"),
            Map.entry("POST /api/v1/me/print-queue/secret", "PRINT_QUEUE_SECRET_URL_ISSUED"),
            Map.entry("DELETE /api/v1/organizations/{orgId}/devices/activation-codes/{codeId}", "ACTIVATION_CODE_REVOKED"),
            Map.entry("DELETE /api/v1/organizations/{orgId}/devices/{deviceId}", "DEVICE_REMOVED"),
            Map.entry("DELETE /api/v1/organizations/{orgId}/members/{userId}", "MEMBER_REMOVED"),
            Map.entry("DELETE /api/v1/organizations/{orgId}/members/{userId}/cards/{cardId}", "CARD_REMOVED"),
            Map.entry("DELETE /api/v1/organizations/{orgId}/roles/{roleId}", "CUSTOM_ROLE_DELETED"),
            Map.entry("DELETE /api/v1/organizations/{orgId}/audit/siem", "SIEM_TARGET_REMOVED"),
            Map.entry("PUT /api/v1/organizations/{orgId}/audit/siem", "SIEM_TARGET_CHANGED"),
            Map.entry("POST /api/device/v1/credential", "DEVICE_CREDENTIAL_ROTATED"),
            Map.entry("POST /api/device/v1/devices/{device}/releases/{jobId}/outcome", "PRINT_JOB_COMPLETED"),
            Map.entry("POST /api/device/v1/devices/{device}/sessions", "DEVICE_LOGIN_SUCCEEDED"),
            Map.entry("POST /api/device/v1/devices/{device}/sessions/current/cards", "CARD_ADDED_AT_DEVICE"),
            Map.entry("POST /api/device/v1/devices/{device}/sessions/current/releases", "PRINT_JOB_RELEASED"),
            Map.entry("POST /api/device/v1/printers", "DEVICE_REGISTERED"),
            Map.entry("POST /api/device/v1/registrations", "DEVICE_REGISTERED"),
            Map.entry("POST /api/v1/auth/login", "LOGIN_SUCCEEDED"),
            Map.entry("POST /api/v1/auth/password-reset/complete", "PASSWORD_RESET"),
            Map.entry("POST /api/v1/devices/{device}/releases", "PRINT_JOB_RELEASED"),
            Map.entry("POST /api/v1/invitations/{token}/accept", "INVITATION_ACCEPTED"),
            Map.entry("POST /api/v1/jobs", "PRINT_JOB_SUBMITTED"),
            Map.entry("POST /api/v1/me/cards", "CARD_REGISTERED"),
            Map.entry("POST /api/v1/me/cards/{cardId}/confirm", "CARD_CONFIRMED"),
            Map.entry("POST /api/v1/me/pin/regenerate", "PIN_ISSUED"),
            Map.entry("POST /api/v1/me/tokens", "API_TOKEN_CREATED"),
            Map.entry("POST /api/v1/organizations/{id}/discontinue", "ORGANIZATION_DISCONTINUED"),
            Map.entry("POST /api/v1/organizations/{id}/purge", "ORGANIZATION_PURGED"),
            Map.entry("POST /api/v1/organizations/{id}/reactivate", "ORGANIZATION_REACTIVATED"),
            Map.entry("POST /api/v1/organizations/{orgId}/devices/activation-codes", "ACTIVATION_CODE_CREATED"),
            Map.entry("POST /api/v1/organizations/{orgId}/devices/{deviceId}/unregister", "DEVICE_UNREGISTERED"),
            Map.entry("POST /api/v1/organizations/{orgId}/document-keys/rotate", "DOCUMENT_KEY_ROTATED"),
            Map.entry("POST /api/v1/organizations/{orgId}/invitations", "INVITATION_SENT"),
            Map.entry("POST /api/v1/organizations/{orgId}/members/{userId}/cards", "CARD_REGISTERED"),
            Map.entry("POST /api/v1/organizations/{orgId}/members/{userId}/pin/reset", "PIN_ISSUED"),
            Map.entry("POST /api/v1/organizations/{orgId}/roles", "CUSTOM_ROLE_CREATED"),
            Map.entry("PUT /api/v1/me/password", "PASSWORD_CHANGED"),
            Map.entry("PUT /api/v1/organizations/{id}/license", "LICENSE_CHANGED"),
            Map.entry("PUT /api/v1/organizations/{id}/settings", "SETTINGS_CHANGED"),
            Map.entry("PUT /api/v1/organizations/{orgId}/audit/settings", "AUDIT_RETENTION_CHANGED"),
            Map.entry("PUT /api/v1/organizations/{orgId}/devices/baseline", "DEVICE_BASELINE_CHANGED"),
            Map.entry("PUT /api/v1/organizations/{orgId}/members/{userId}/roles", "ROLES_CHANGED"),
            Map.entry("PUT /api/v1/organizations/{orgId}/print-settings", "PRINT_SETTINGS_CHANGED"),
            Map.entry("PUT /api/v1/organizations/{orgId}/quotas/groups/{groupId}", "PRINT_QUOTA_CHANGED"),
            Map.entry("PUT /api/v1/organizations/{orgId}/quotas/users/{userId}", "PRINT_QUOTA_CHANGED"),
            Map.entry("POST /api/device/v1/devices/{device}/sessions/current/scans", "SCAN_RECEIVED"),
            Map.entry("DELETE /api/v1/scans/{scanId}", "SCAN_DELETED"),
            Map.entry("PUT /api/v1/organizations/{orgId}/scan-settings", "SCAN_SETTINGS_CHANGED"),
            Map.entry("POST /api/v1/organizations/{orgId}/scan-addresses", "SCAN_ADDRESS_ADDED"),
            Map.entry("DELETE /api/v1/organizations/{orgId}/scan-addresses/{addressId}", "SCAN_ADDRESS_REMOVED"),
            Map.entry("POST /api/v1/organizations/{orgId}/scan-workflows", "SCAN_WORKFLOW_CREATED"),
            Map.entry("DELETE /api/v1/organizations/{orgId}/scan-workflows/{workflowId}", "SCAN_WORKFLOW_DELETED"),
            Map.entry("DELETE /api/v1/me/cloud-accounts/{service}", "CLOUD_ACCOUNT_UNLINKED"),
            Map.entry("PUT /api/v1/organizations/{orgId}/sso/oidc", "SSO_CHANGED"),
            Map.entry("DELETE /api/v1/organizations/{orgId}/sso/oidc", "SSO_CHANGED"),
            Map.entry("PUT /api/v1/organizations/{orgId}/sso/policy", "SSO_CHANGED"),
            // saml
            Map.entry("PUT /api/v1/organizations/{orgId}/sso/saml", "SSO_CHANGED"),
            Map.entry("DELETE /api/v1/organizations/{orgId}/sso/saml", "SSO_CHANGED"),
            // saml-hardening (SamlKeyRotationTest checks the records)
            Map.entry("POST /api/v1/organizations/{orgId}/sso/saml/key-rotation", "SSO_CHANGED"),
            Map.entry("POST /api/v1/organizations/{orgId}/sso/saml/key-rotation/retire-old-key", "SSO_CHANGED"),
            Map.entry("POST /api/v1/organizations/{orgId}/sso/domains", "SSO_DOMAIN_CHANGED"), // google-import
            Map.entry("POST /api/v1/organizations/{orgId}/sso/domains/{domain}/check", "SSO_DOMAIN_CHANGED"),
            Map.entry("DELETE /api/v1/organizations/{orgId}/sso/domains/{domain}", "SSO_DOMAIN_CHANGED"),
            Map.entry("DELETE /api/v1/organizations/{orgId}/google-workspace", "GOOGLE_WORKSPACE_CHANGED"),
            Map.entry("PUT /api/v1/organizations/{orgId}/google-workspace/selection", "GOOGLE_WORKSPACE_CHANGED"),
            Map.entry("POST /api/v1/organizations/{orgId}/google-workspace/imports", "GOOGLE_WORKSPACE_CHANGED"),
            Map.entry("POST /api/v1/organizations/{orgId}/google-workspace/gone/{userId}/deactivate", "GOOGLE_WORKSPACE_CHANGED"),
            // second-factor (SecondFactorLoginTest and SecondFactorResetTest check the records)
            Map.entry("POST /api/v1/me/second-factor/totp/confirm", "SECOND_FACTOR_TOTP_ENROLLED"),
            Map.entry("DELETE /api/v1/me/second-factor/totp", "SECOND_FACTOR_TOTP_REMOVED"),
            Map.entry("POST /api/v1/me/second-factor/recovery-codes", "SECOND_FACTOR_RECOVERY_CODES_CREATED"),
            Map.entry("DELETE /api/v1/organizations/{orgId}/members/{userId}/second-factor", "SECOND_FACTOR_RESET_BY_ADMIN"),
            // mfa-policy (RequiredSecondFactorTest checks the records; a wrong second-step code is LOGIN_FAILED)
            Map.entry("PUT /api/v1/organizations/{orgId}/second-factor-policy", "SECOND_FACTOR_POLICY_CHANGED"),
            Map.entry("POST /api/v1/auth/second-factor", "LOGIN_SECOND_FACTOR_SUCCEEDED"),
            // scim
            Map.entry("POST /api/v1/organizations/{orgId}/scim/token", "SCIM_TOKEN_CREATED"),
            Map.entry("DELETE /api/v1/organizations/{orgId}/scim/token", "SCIM_TOKEN_REVOKED"),
            Map.entry("DELETE /api/v1/organizations/{orgId}/devices/groups/{deviceGroupId}", "DEVICE_GROUP_DELETED"),
            Map.entry("DELETE /api/v1/organizations/{orgId}/groups/{groupId}", "GROUP_DELETED"),
            Map.entry("DELETE /api/v1/organizations/{orgId}/groups/{groupId}/members/{userId}", "GROUP_MEMBER_REMOVED"),
            Map.entry("DELETE /api/v1/organizations/{orgId}/invitations/{invitationId}", "INVITATION_REVOKED"),
            Map.entry("PATCH /api/v1/organizations/{id}", "ORGANIZATION_RENAMED"),
            Map.entry("PATCH /api/v1/organizations/{orgId}/devices/groups/{deviceGroupId}", "DEVICE_GROUP_RENAMED"),
            Map.entry("PATCH /api/v1/organizations/{orgId}/devices/{deviceId}", "DEVICE_UPDATED"),
            Map.entry("POST /api/v1/auth/logout-everywhere", "ALL_SESSIONS_ENDED"),
            Map.entry("POST /api/v1/auth/password-reset", "PASSWORD_RESET_REQUESTED"),
            Map.entry("POST /api/v1/auth/signup", "SIGNED_UP"),
            Map.entry("POST /api/v1/auth/verify-email", "EMAIL_VERIFIED"),
            Map.entry("POST /api/v1/organizations/{id}/children", "ORGANIZATION_CREATED"),
            Map.entry("POST /api/v1/organizations/{orgId}/devices/groups", "DEVICE_GROUP_CREATED"),
            Map.entry("POST /api/v1/organizations/{orgId}/groups", "GROUP_CREATED"),
            Map.entry("POST /api/v1/setup", "FIRST_ADMIN_CREATED"),
            Map.entry("PUT /api/v1/organizations/{orgId}/groups/{groupId}/members/{userId}", "GROUP_MEMBER_ADDED"),
            Map.entry("PUT /api/v1/organizations/{rootId}/regions/{region}/links", "REGION_LINKS_CHANGED"),
            // reports-finish (EnvironmentFactorsTest checks the records' before and after)
            Map.entry("PUT /api/v1/organizations/{orgId}/environment-factors", "ENVIRONMENT_FACTORS_CHANGED"),
            Map.entry("DELETE /api/v1/organizations/{orgId}/environment-factors", "ENVIRONMENT_FACTORS_RESET"),
            // audit-gaps (SettingChangesAuditedTest reads the records through the audit API)
            Map.entry("PUT /api/v1/organizations/{id}/cloud-clients/{provider}", "CLOUD_CLIENT_CONFIGURED"),
            Map.entry("DELETE /api/v1/organizations/{id}/cloud-clients/{provider}", "CLOUD_CLIENT_REMOVED"),
            Map.entry("POST /api/v1/organizations/{orgId}/report-recipients", "REPORT_RECIPIENT_ADDED"),
            Map.entry("DELETE /api/v1/organizations/{orgId}/report-recipients/{recipientId}", "REPORT_RECIPIENT_REMOVED"),
            Map.entry("POST /api/v1/public/report-recipients/confirmations/{token}", "REPORT_RECIPIENT_CONFIRMED"),
            Map.entry("POST /api/v1/public/report-recipients/unsubscribe/{token}", "REPORT_RECIPIENT_UNSUBSCRIBED"),
            Map.entry("POST /api/v1/organizations/{orgId}/report-schedules", "REPORT_SCHEDULE_CREATED"),
            Map.entry("DELETE /api/v1/organizations/{orgId}/report-schedules/{scheduleId}", "REPORT_SCHEDULE_DELETED"));

    /** Routes that change state without an audit record of their own, each with the reason. */
    static final Map<String, String> NOT_AUDITED = Map.ofEntries(
            Map.entry("POST /api/v1/scans/{scanId}/retry", "the owner has the delivery of their own failed scan tried again: it"
                    + " changes no access, credential or setting, and its outcome is recorded (SCAN_DELIVERED / SCAN_DELIVERY_FAILED)"),
            Map.entry("DELETE /api/device/v1/devices/{device}/sessions/current", "ends the signed-in person's session at the printer; the sign-in was recorded"),
            Map.entry("POST /api/device/v1/devices/{device}/heartbeat", "a device's status report; changes no access, credential or setting"),
            Map.entry("POST /api/v1/auth/logout", "ends the caller's own session"),
            Map.entry("POST /api/v1/auth/organization", "the tenant selector: picks the organization the caller's own session works in"),
            Map.entry("PUT /api/v1/me/scan-workflows/{workflowId}/favourite", "a person's own list of favourite workflows"),
            Map.entry("DELETE /api/v1/me/scan-workflows/{workflowId}/favourite", "a person's own list of favourite workflows"),
            Map.entry("PUT /api/v1/me/cloud-accounts/sharepoint/drive", "which of their own SharePoint drives a person's scans go to"),
            Map.entry("POST /api/v1/me/cloud-accounts/{service}/link", "only begins a link; the callback that completes it records CLOUD_ACCOUNT_LINKED"),
            Map.entry("POST /api/v1/organizations/{orgId}/google-workspace/connect", // google-import
                    "only begins the connection; the callback that completes it records GOOGLE_WORKSPACE_CHANGED"),
            // second-factor
            Map.entry("POST /api/v1/me/second-factor/totp", "starts an enrolment nothing uses until its first code confirms it (audited then)"),
            // mfa-policy: the enrolment a pending sign-in must make is audited when its first code confirms it
            Map.entry("POST /api/v1/auth/second-factor/enrolment", "starts an enrolment nothing uses until its first code confirms it (audited then)"),
            Map.entry("POST /api/v1/auth/step-up", "marks the caller's own session; a wrong code is LOGIN_FAILED"));

    /**
     * Routes that change state and leave no audit record yet: known gaps, named so that they are
     * not mistaken for routes that need none. Each is a change to make in its owning module (an
     * event it publishes) and a listener in audit. None today.
     */
    static final Map<String, String> NOT_AUDITED_YET = Map.of();

    @Autowired MockMvc mvc;
    @Autowired World world;
    @Autowired JdbcClient jdbc;
    @Autowired DeviceKit devices;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

    @Test
    void everyStateChangingRouteIsAuditedOrSaysWhyNot() {
        Set<String> routes = stateChangingRoutes();
        Set<String> listed = new TreeSet<>();
        for (Map<String, String> table : List.of(AUDITED, NOT_AUDITED, NOT_AUDITED_YET, PortalAuditCoverage.AUDITED,
                PortalAuditCoverage.NOT_AUDITED)) {
            table.keySet().forEach(route -> assertThat(listed.add(route)).as(route + " is in one table only").isTrue());
        }
        Set<String> unlisted = new TreeSet<>(routes);
        unlisted.removeAll(listed);
        assertThat(unlisted).as("state-changing routes neither audited nor listed with a reason").isEmpty();
        assertThat(routes).as("every route the tables name exists").containsAll(listed);
    }

    /** Every route of the API, the portal and SCIM that answers anything but GET. */
    private Set<String> stateChangingRoutes() {
        Set<String> routes = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternValues()
                .forEach(pattern -> info.getMethodsCondition().getMethods().stream()
                        .filter(method -> !method.name().equals("GET"))
                        .forEach(method -> routes.add(method.name() + " " + pattern))));
        return routes;
    }

    @Test
    void settingsChangesAreRecordedWithTheirBeforeAndAfter() throws Exception {
        OrgId provider = world.provider(world.root(), "Coverage provider " + UUID.randomUUID());
        OrgId org = world.customer(provider, "Coverage " + UUID.randomUUID());
        Actor admin = world.person(org, FixedRole.CUSTOMER_ADMIN).actor();
        Actor providerAdmin = world.person(provider, FixedRole.PROVIDER_ADMIN).actor();
        String base = "/api/v1/organizations/" + org;

        assertThat(call(admin, Api.json(put(base + "/settings"), "{\"idleLogoutMinutes\":7,\"jobRetentionHours\":24}"))).isEqualTo(200);
        eventually(() -> assertThat(detail(org, "SETTINGS_CHANGED")).contains("idleLogoutMinutes: 30 -> 7"));

        assertThat(call(admin, Api.json(put(base + "/print-settings"), "{\"holdJobs\":false,\"forceMonochrome\":true}"))).isEqualTo(200);
        eventually(() -> assertThat(detail(org, "PRINT_SETTINGS_CHANGED")).contains("forceMonochrome: false -> true"));

        assertThat(call(admin, Api.json(post(base + "/roles"), "{\"name\":\"Helpdesk\",\"permissions\":[\"DEVICES_VIEW\"]}")))
                .isEqualTo(201);
        eventually(() -> assertThat(detail(org, "CUSTOM_ROLE_CREATED")).contains("Helpdesk").contains("DEVICES_VIEW"));
        UUID role = jdbc.sql("SELECT id FROM access_custom_role WHERE org_id = ?").param(org.value()).query(UUID.class).single();
        assertThat(call(admin, delete(base + "/roles/" + role))).isEqualTo(204);
        eventually(() -> assertThat(detail(org, "CUSTOM_ROLE_DELETED")).contains("Helpdesk"));

        assertThat(call(admin, Api.json(put(base + "/sso/policy"), "{\"ssoOnly\":false,\"tokenDaysAfterSso\":30}")))
                .isEqualTo(200);
        eventually(() -> assertThat(detail(org, "SSO_CHANGED"))
                .contains("sign-in: password allowed -> password allowed; API tokens after the last SSO sign-in: no limit -> 30 days"));
        assertThat(call(admin, Api.json(put(base + "/sso/policy"), "{\"ssoOnly\":false,\"tokenDaysAfterSso\":7}")))
                .isEqualTo(200);
        eventually(() -> assertThat(detail(org, "SSO_CHANGED")).contains("API tokens after the last SSO sign-in: 30 days -> 7 days"));

        assertThat(call(admin, Api.json(put(base + "/devices/baseline"), "{\"tlsOnly\":true}"))).isEqualTo(200);
        eventually(() -> assertThat(detail(org, "DEVICE_BASELINE_CHANGED")).contains("tlsOnly: ").contains("-> true"));

        assertThat(call(providerAdmin, Api.json(put(base + "/license"),
                "{\"deviceLimit\":3,\"plan\":\"gold\",\"termStart\":\"2026-01-01\",\"termEnd\":\"2027-12-31\"}"))).isEqualTo(200);
        eventually(() -> assertThat(detail(org, "LICENSE_CHANGED")).contains("plan: ").contains("-> gold"));
        // the first record is the license the customer was created with; the second is this change
        assertThat(jdbc.sql("SELECT actor_user_id FROM audit_event WHERE org_id = ? AND type = 'LICENSE_CHANGED' ORDER BY seq")
                .param(org.value()).query(UUID.class).list().getLast()).isEqualTo(providerAdmin.userId().value());
    }

    /**
     * Records made after the change committed, on another thread, carry the source address and
     * user agent of the request the change was made in, captured in the event; with the actor,
     * the organization and the outcome.
     */
    @Test
    void recordsMadeAfterCommitCarryTheRequestsOriginActorAndOutcome() throws Exception {
        OrgId provider = world.provider(world.root(), "Origin provider " + UUID.randomUUID());
        OrgId org = world.customer(provider, "Origin " + UUID.randomUUID());
        Actor admin = world.person(org, FixedRole.CUSTOMER_ADMIN).actor();
        String base = "/api/v1/organizations/" + org;
        assertThat(call(admin, fromBrowser(Api.json(put(base + "/settings"), "{\"idleLogoutMinutes\":9,\"jobRetentionHours\":24}"))))
                .isEqualTo(200);
        assertThat(call(admin, fromBrowser(Api.json(put(base + "/print-settings"), "{\"holdJobs\":false,\"forceMonochrome\":true}"))))
                .isEqualTo(200);
        assertThat(call(admin, fromBrowser(Api.json(post(base + "/roles"), "{\"name\":\"Desk\",\"permissions\":[\"DEVICES_VIEW\"]}"))))
                .isEqualTo(201);
        assertThat(call(admin, fromBrowser(Api.json(put(base + "/sso/policy"), "{\"ssoOnly\":false,\"tokenDaysAfterSso\":5}"))))
                .isEqualTo(200);
        Set<String> types = Set.of("SETTINGS_CHANGED", "PRINT_SETTINGS_CHANGED", "CUSTOM_ROLE_CREATED", "SSO_CHANGED");
        eventually(() -> assertThat(jdbc.sql("SELECT type FROM audit_event WHERE org_id = ? AND actor_user_id = ?"
                        + " AND source_ip = '198.51.100.23' AND user_agent = 'OriginProbe/3.1 (test)' AND outcome = 'SUCCESS'")
                .params(org.value(), admin.userId().value()).query(String.class).set()).containsAll(types));
    }

    /**
     * The changes that had no record before: groups and their members, device groups, a device
     * renamed or moved, an organization created and renamed, an invitation revoked, a member's roles
     * (before and after), all of one's sessions ended, and the region links.
     */
    @Test
    void groupsDevicesOrganizationsInvitationsAndSessionsAreRecorded() throws Exception {
        OrgId provider = world.provider(world.root(), "Recorded provider " + UUID.randomUUID());
        Actor providerAdmin = world.person(provider, FixedRole.PROVIDER_ADMIN).actor();
        String created = mvc.perform(Api.json(post("/api/v1/organizations/" + provider + "/children"), "{\"kind\":\"PROVIDER\",\"name\":\"Reseller\"}")
                .with(authentication(new ActorAuthentication(providerAdmin)))).andReturn().getResponse().getContentAsString();
        OrgId reseller = new OrgId(UUID.fromString(JsonPath.read(created, "$.id")));
        assertThat(call(providerAdmin, Api.json(patch("/api/v1/organizations/" + reseller), "{\"name\":\"Reseller Two\"}")))
                .isEqualTo(200);
        OrgId org = world.customer(provider, "Recorded customer " + UUID.randomUUID());
        Actor admin = world.person(org, FixedRole.CUSTOMER_ADMIN).actor();
        var member = world.person(org, FixedRole.CUSTOMER_USER);
        String base = "/api/v1/organizations/" + org;

        String group = JsonPath.read(body(admin, Api.json(post(base + "/groups"), "{\"name\":\"Night shift\"}")), "$.id");
        assertThat(call(admin, put(base + "/groups/" + group + "/members/" + member.userId()))).isEqualTo(204);
        assertThat(call(admin, delete(base + "/groups/" + group + "/members/" + member.userId()))).isEqualTo(204);
        assertThat(call(admin, delete(base + "/groups/" + group))).isEqualTo(204);

        String deviceGroup = JsonPath.read(body(admin, Api.json(post(base + "/devices/groups"), "{\"name\":\"Floor 1\"}")), "$.id");
        assertThat(call(admin, Api.json(patch(base + "/devices/groups/" + deviceGroup), "{\"name\":\"Floor 2\"}"))).isEqualTo(200);
        var printer = devices.printer(org, "Hall printer");
        assertThat(call(admin, Api.json(patch(base + "/devices/" + printer.id()), "{\"name\":\"Lobby printer\",\"groupId\":\""
                + deviceGroup + "\"}"))).isEqualTo(200);
        assertThat(call(admin, delete(base + "/devices/groups/" + deviceGroup))).isEqualTo(204);

        String invitation = JsonPath.read(body(admin, Api.json(post(base + "/invitations"),
                "{\"email\":\"later-" + UUID.randomUUID() + "@example.com\",\"roles\":[\"CUSTOMER_USER\"]}")), "$.id");
        assertThat(call(admin, delete(base + "/invitations/" + invitation))).isEqualTo(204);
        assertThat(call(admin, Api.json(put(base + "/members/" + member.userId() + "/roles"), "{\"roles\":[\"PRINT_MANAGER\"]}")))
                .isEqualTo(200);
        assertThat(call(member.actor(), post("/api/v1/auth/logout-everywhere"))).isEqualTo(204);

        eventually(() -> assertThat(jdbc.sql("SELECT type FROM audit_event WHERE org_id = ? ORDER BY seq").param(org.value())
                .query(String.class).list()).contains("GROUP_CREATED", "GROUP_MEMBER_ADDED",
                "GROUP_MEMBER_REMOVED", "GROUP_DELETED", "DEVICE_GROUP_CREATED", "DEVICE_GROUP_RENAMED", "DEVICE_UPDATED",
                "DEVICE_GROUP_DELETED", "INVITATION_SENT", "INVITATION_REVOKED", "ROLES_CHANGED", "ALL_SESSIONS_ENDED"));
        eventually(() -> assertThat(detail(reseller, "ORGANIZATION_RENAMED")).isEqualTo("name: Reseller -> Reseller Two"));
        assertThat(detail(org, "DEVICE_GROUP_RENAMED")).isEqualTo("name: Floor 1 -> Floor 2");
        assertThat(detail(org, "DEVICE_UPDATED")).contains("name: Hall printer -> Lobby printer", "groupId: null -> " + deviceGroup);
        assertThat(detail(org, "GROUP_MEMBER_ADDED")).isEqualTo("group 'Night shift', member " + member.userId());
        assertThat(detail(org, "ROLES_CHANGED")).matches("roles: \\[[^\\]]*CUSTOMER_USER[^\\]]*\\] -> \\[[^\\]]*PRINT_MANAGER[^\\]]*\\]");
        eventually(() -> assertThat(detail(provider, "ORGANIZATION_CREATED")).contains("PROVIDER 'Reseller'"));

        String region = "audit-" + UUID.randomUUID().toString().substring(0, 8);
        Actor rootAdmin = world.rootAdmin().actor();
        String links = "/api/v1/organizations/" + world.root() + "/regions/" + region + "/links";
        assertThat(call(rootAdmin, Api.json(put(links), "{\"eulaUrl\":\"https://example.com/eula\"}"))).isEqualTo(200);
        assertThat(call(rootAdmin, Api.json(put(links), "{\"eulaUrl\":\"https://example.com/eula-2\"}"))).isEqualTo(200);
        eventually(() -> assertThat(jdbc.sql("SELECT detail FROM audit_event WHERE org_id = ? AND type = 'REGION_LINKS_CHANGED'"
                        + " AND subject = ? ORDER BY seq").params(world.root().value(), region).query(String.class).list())
                .hasSize(2).last().isEqualTo("eulaUrl: https://example.com/eula -> https://example.com/eula-2"));
    }

    /**
     * A person's secret print-queue URL prints as them to whoever holds it: issuing, renewing and revoking it are recorded
     * with the person as actor and the request's origin (ipp publishes identity's CredentialChanged); the secret is not.
     */
    @Test
    void theSecretPrintQueueUrlIssuedRenewedAndRevokedIsRecorded() throws Exception {
        OrgId org = world.customer(world.root(), "Queue secret " + UUID.randomUUID());
        Actor person = world.person(org, FixedRole.CUSTOMER_USER).actor();
        String secretUri = JsonPath.read(body(person, fromBrowser(post("/api/v1/me/print-queue/secret"))), "$.secretUri");
        assertThat(call(person, fromBrowser(post("/api/v1/me/print-queue/secret")))).isEqualTo(201);
        assertThat(call(person, fromBrowser(delete("/api/v1/me/print-queue/secret")))).isEqualTo(204);
        assertThat(call(person, fromBrowser(delete("/api/v1/me/print-queue/secret")))).as("nothing left to revoke").isEqualTo(204);

        List<String> expected = List.of("PRINT_QUEUE_SECRET_URL_ISSUED", "PRINT_QUEUE_SECRET_URL_RENEWED",
                "PRINT_QUEUE_SECRET_URL_REVOKED");
        eventually(() -> assertThat(jdbc.sql("SELECT type FROM audit_event WHERE org_id = ? AND type LIKE 'PRINT_QUEUE_SECRET_URL_%'"
                        + " AND actor_user_id = ? AND subject = ? AND source_ip = '198.51.100.23' AND user_agent = 'OriginProbe/3.1 (test)'"
                        + " ORDER BY seq").params(org.value(), person.userId().value(), person.userId().toString())
                .query(String.class).list()).containsExactlyElementsOf(expected));
        String secret = secretUri.substring(secretUri.lastIndexOf('/') + 1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE org_id = ? AND (detail LIKE ? OR subject LIKE ?)")
                .params(org.value(), "%" + secret + "%", "%" + secret + "%").query(Long.class).single()).isZero();
    }

    private String body(Actor actor, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(authentication(new ActorAuthentication(actor)))).andReturn().getResponse().getContentAsString();
    }

    private static MockHttpServletRequestBuilder fromBrowser(MockHttpServletRequestBuilder request) {
        return request.header("User-Agent", "OriginProbe/3.1 (test)").with(r -> {
            r.setRemoteAddr("198.51.100.23");
            return r;
        });
    }

    @Test
    void aFailedSignInIsRecordedWithItsSourceAndUserAgent() throws Exception {
        String email = "nobody-" + UUID.randomUUID() + "@example.com";
        mvc.perform(Api.json(post("/api/v1/auth/login").with(Api.fromOwnAddress()).header("User-Agent", "CoverageProbe/1.0"),
                "{\"email\":\"" + email + "\",\"password\":\"wrong-Password-1\"}")).andReturn();
        eventually(() -> assertThat(jdbc.sql("SELECT user_agent || ' ' || outcome || ' ' || source_ip FROM audit_event"
                        + " WHERE type = 'LOGIN_FAILED' AND subject = ?").param(email).query(String.class).single())
                .startsWith("CoverageProbe/1.0 FAILURE 127."));
    }

    private String detail(OrgId org, String type) {
        return String.join("\n", jdbc.sql("SELECT detail FROM audit_event WHERE org_id = ? AND type = ?")
                .params(org.value(), type).query(String.class).list());
    }

    private int call(Actor actor, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(authentication(new ActorAuthentication(actor)))).andReturn().getResponse().getStatus();
    }
}
