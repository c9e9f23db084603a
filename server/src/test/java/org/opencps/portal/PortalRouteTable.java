package org.opencps.portal;

import java.util.List;
import java.util.Set;

/**
 * The portal's routes and who may use each, for {@link PortalRoutesTest}: per route, the status
 * each kind of visitor gets ("ok" on a form: allowed, so not sent), with "*" for everyone else.
 */
final class PortalRouteTable {

    private PortalRouteTable() {
    }

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
    /** A customer's audit trail: its admins, and the provider admins above (their own people's actions only). */
    static final String AUDIT_READERS = "CUSTOMER_ADMIN=200 PROVIDER_ADMIN=200 PROVIDER_SUPPORT=403 PRINT_MANAGER=403 USER=403 *=404";
    static final String PROVIDER_PAGES = "PROVIDER_ADMIN=200 PROVIDER_SUPPORT=200 ROOT_ADMIN=403 *=404";

    /** Pages (GET): who gets what. "ok" in a form's line means allowed (not sent: it would change things). */
    static final List<Route> ROUTES = List.of(
            new Route("GET /", Scope.NONE, "*=302", null),
            new Route("GET /account", Scope.NONE, "*=200", null),
            new Route("GET /account/password-change", Scope.NONE, "*=200", null),
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
            // scan-cloud: one's own linked accounts; the callback completes only the caller's own link (CloudLinkingTest)
            new Route("GET /cloud-accounts", Scope.NONE, "*=200", null),
            new Route("GET /cloud-accounts/callback", Scope.NONE, "*=302", null),

            new Route("POST /jobs/{jobId}/delete", Scope.NONE, "USER=ok *=404", ""),
            new Route("POST /cards/{cardId}/confirm", Scope.NONE, "USER=ok ROOT_ADMIN=403 PROVIDER_ADMIN=403 PROVIDER_SUPPORT=403 *=404", ""),
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
                    "idleLogoutMinutes=5&jobRetentionHours=5&deviceLoginMethods=PIN"),
            new Route("POST /orgs/{orgId}/print-settings", Scope.CUSTOMER, CUSTOMER_ADMIN_CHANGES,
                    "holdJobs=false&forceMonochrome=true&allowedFormats=PDF"),
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
            new Route("POST /orgs/{orgId}/region-links", Scope.ROOT, "ROOT_ADMIN=ok *=404", "region=eu&eulaUrl=https://example.com/e"),
            // audit-chain: a customer's trail, for its admins, and for the provider above only its own people's actions
            new Route("GET /orgs/{orgId}/audit", Scope.CUSTOMER, AUDIT_READERS, null),
            new Route("GET /orgs/{orgId}/audit/export", Scope.CUSTOMER, AUDIT_READERS, null),
            new Route("POST /orgs/{orgId}/audit/retention", Scope.CUSTOMER, CUSTOMER_ADMIN_CHANGES, "retentionDays=90"),
            // audit-rest: the organization's own SIEM target, set and removed by its own admins only (not the provider above)
            new Route("POST /orgs/{orgId}/audit/siem", Scope.CUSTOMER, CUSTOMER_ADMIN_CHANGES,
                    "host=localhost&port=6514&format=CEF&trustedCertificates=probe"),
            new Route("POST /orgs/{orgId}/audit/siem/remove", Scope.CUSTOMER, CUSTOMER_ADMIN_CHANGES, ""),
            // reports-schedules: schedules and report recipients (customer admins), a customer's contract (its provider and admins)
            new Route("GET /orgs/{orgId}/report-schedules", Scope.CUSTOMER, CUSTOMER_ADMIN_ONLY, null),
            new Route("GET /orgs/{orgId}/contract", Scope.CUSTOMER, DEVICE_VIEWERS, null),
            new Route("POST /orgs/{orgId}/report-recipients", Scope.CUSTOMER, CUSTOMER_ADMIN_CHANGES, "email=probe@example.com&language=en"),
            new Route("POST /orgs/{orgId}/report-recipients/{recipientId}/delete", Scope.CUSTOMER, CUSTOMER_ADMIN_CHANGES, ""),
            new Route("POST /orgs/{orgId}/report-schedules", Scope.CUSTOMER, CUSTOMER_ADMIN_CHANGES, "kind=CONTRACT_HISTORY&cadence=DAILY"),
            new Route("POST /orgs/{orgId}/report-schedules/{scheduleId}/delete", Scope.CUSTOMER, CUSTOMER_ADMIN_CHANGES, ""),
            // scan-portal: My scans (the owner alone, admins included get 404), the address book and workflows
            // (scan-workflows permission), the scan settings (settings permissions)
            new Route("GET /scans", Scope.NONE, CUSTOMER_MEMBERS, null),
            new Route("GET /scans/{scanId}/document", Scope.NONE, "USER=200 *=404", null),
            new Route("GET /orgs/{orgId}/scan-workflows", Scope.CUSTOMER, CUSTOMER_ADMIN_ONLY, null),
            new Route("GET /orgs/{orgId}/scan-settings", Scope.CUSTOMER, CUSTOMER_ADMIN_ONLY, null),
            new Route("POST /scans/{scanId}/delete", Scope.NONE, "USER=ok *=404", ""),
            new Route("POST /scans/{scanId}/retry", Scope.NONE, "USER=ok *=404", ""),
            new Route("POST /orgs/{orgId}/scan-addresses", Scope.CUSTOMER, CUSTOMER_ADMIN_CHANGES, "name=probe&email=probe@example.com"),
            new Route("POST /orgs/{orgId}/scan-addresses/{addressId}/delete", Scope.CUSTOMER, CUSTOMER_ADMIN_CHANGES, ""),
            new Route("POST /orgs/{orgId}/scan-workflows", Scope.CUSTOMER, CUSTOMER_ADMIN_CHANGES,
                    "name=probe&kind=MY_SCANS&formats=PDF&color=COLOR&resolution=300&everyone=true"),
            new Route("POST /orgs/{orgId}/scan-workflows/{workflowId}/delete", Scope.CUSTOMER, CUSTOMER_ADMIN_CHANGES, ""),
            new Route("POST /orgs/{orgId}/scan-settings", Scope.CUSTOMER, CUSTOMER_ADMIN_CHANGES,
                    "allowedDestinations=MY_SCANS&retentionHours=5&maxScanMib=10&attachmentLimitMib=1"),
            // saml: the single sign-on page (customer admins only; identity's requireManageSignIn)
            new Route("GET /orgs/{orgId}/sso", Scope.CUSTOMER, CUSTOMER_ADMIN_ONLY, null),
            new Route("POST /orgs/{orgId}/sso/policy", Scope.CUSTOMER, CUSTOMER_ADMIN_CHANGES, "tokenDaysAfterSso=30"),
            new Route("POST /orgs/{orgId}/sso/oidc", Scope.CUSTOMER, CUSTOMER_ADMIN_CHANGES, "issuer=&clientId=&emailDomains=probe.example"),
            new Route("POST /orgs/{orgId}/sso/oidc/delete", Scope.CUSTOMER, CUSTOMER_ADMIN_CHANGES, ""),
            new Route("POST /orgs/{orgId}/sso/saml", Scope.CUSTOMER, CUSTOMER_ADMIN_CHANGES, "emailDomains=probe.example"),
            new Route("POST /orgs/{orgId}/sso/saml/delete", Scope.CUSTOMER, CUSTOMER_ADMIN_CHANGES, ""),
            // google-import: e-mail domain proof
            new Route("GET /orgs/{orgId}/sso/domains", Scope.CUSTOMER, CUSTOMER_ADMIN_ONLY, null),
            new Route("POST /orgs/{orgId}/sso/domains", Scope.CUSTOMER, CUSTOMER_ADMIN_CHANGES, "domain=probe.example"),
            new Route("POST /orgs/{orgId}/sso/domains/{domain}/check", Scope.CUSTOMER, CUSTOMER_ADMIN_CHANGES, ""),
            new Route("POST /orgs/{orgId}/sso/domains/{domain}/release", Scope.CUSTOMER, CUSTOMER_ADMIN_CHANGES, ""),
            // google-import: the Google Workspace import; the callback completes only the caller's own connection
            new Route("GET /orgs/{orgId}/google-workspace", Scope.CUSTOMER, CUSTOMER_ADMIN_ONLY, null),
            new Route("POST /orgs/{orgId}/google-workspace/connect", Scope.CUSTOMER, CUSTOMER_ADMIN_CHANGES, ""),
            new Route("POST /orgs/{orgId}/google-workspace/disconnect", Scope.CUSTOMER, CUSTOMER_ADMIN_CHANGES, ""),
            new Route("POST /orgs/{orgId}/google-workspace/selection", Scope.CUSTOMER, CUSTOMER_ADMIN_CHANGES, "allUsers=true"),
            new Route("POST /orgs/{orgId}/google-workspace/imports", Scope.CUSTOMER, CUSTOMER_ADMIN_CHANGES, ""),
            new Route("POST /orgs/{orgId}/google-workspace/gone/{userId}/deactivate", Scope.CUSTOMER, CUSTOMER_ADMIN_CHANGES, ""),
            new Route("GET /google-workspace/callback", Scope.NONE, "*=404", null),
            // second-factor: the caller's own factor and step-up pages; an admin resets a member's second factor
            new Route("GET /account/second-factor", Scope.NONE, "*=200", null),
            new Route("GET /account/step-up", Scope.NONE, "*=200", null),
            new Route("POST /orgs/{orgId}/users/{userId}/second-factor-reset", Scope.CUSTOMER, CUSTOMER_ADMIN_CHANGES, ""),
            // mfa-policy: the organization's second-factor requirement, on the sign-in page (customer admins only)
            new Route("POST /orgs/{orgId}/sso/second-factor", Scope.CUSTOMER, CUSTOMER_ADMIN_CHANGES, "requiredFor=OFF&graceDays=3"),
            // sso-browser: rotating the SAML SP key pair from the SSO page (identity's requireManageSignIn, then step-up)
            new Route("POST /orgs/{orgId}/sso/saml/key-rotation", Scope.CUSTOMER, CUSTOMER_ADMIN_CHANGES, "transitionDays=14"),
            new Route("POST /orgs/{orgId}/sso/saml/key-rotation/retire-old-key", Scope.CUSTOMER, CUSTOMER_ADMIN_CHANGES, ""),
            // reports-portal: an organization's usage reports (its report viewers), one's own usage report (every member)
            new Route("GET /orgs/{orgId}/reports", Scope.CUSTOMER, CUSTOMER_ADMIN_ONLY, null),
            new Route("GET /usage/report", Scope.NONE, CUSTOMER_MEMBERS, null),
            // scim: the organization's SCIM token, its customer admins only
            new Route("GET /orgs/{orgId}/scim", Scope.CUSTOMER, CUSTOMER_ADMIN_ONLY, null),
            new Route("POST /orgs/{orgId}/scim/token", Scope.CUSTOMER, CUSTOMER_ADMIN_CHANGES, ""),
            new Route("POST /orgs/{orgId}/scim/token/revoke", Scope.CUSTOMER, CUSTOMER_ADMIN_CHANGES, ""),
            // reports-finish: the environmental factors (who manages the organization's settings; not the provider above)
            new Route("GET /orgs/{orgId}/environment-factors", Scope.CUSTOMER, CUSTOMER_ADMIN_ONLY, null),
            new Route("POST /orgs/{orgId}/environment-factors", Scope.CUSTOMER, CUSTOMER_ADMIN_CHANGES, "gramsCo2PerSheet=1"),
            new Route("POST /orgs/{orgId}/environment-factors/reset", Scope.CUSTOMER, CUSTOMER_ADMIN_CHANGES, ""));

    /** Work without a login, or act only on the caller's own session, account or things. */
    static final Set<String> PUBLIC_OR_SELF = Set.of(
            "GET /login", "POST /login", "POST /logout", "GET /password-reset", "POST /password-reset",
            "GET /reset-password", "POST /reset-password", "GET /verify-email", "POST /verify-email",
            "GET /invitations/{token}", "POST /invitations/accept", "GET /setup", "POST /setup", "POST /cookies/consent",
            "POST /account/password", "POST /account/password-change", "POST /account/logout-everywhere", "POST /account/language", "POST /tokens", "POST /pin/regenerate",
            "POST /queue/secret", "POST /queue/secret/revoke", "POST /cards", "POST /jobs",
            // reports-schedules: the links mailed to report recipients
            "GET /report-recipients/confirm/{token}", "POST /report-recipients/confirm/{token}",
            "GET /report-recipients/unsubscribe/{token}", "POST /report-recipients/unsubscribe/{token}",
            // scan-cloud: the caller's own linked cloud accounts
            "POST /cloud-accounts/{service}/link", "POST /cloud-accounts/{service}/unlink", "POST /cloud-accounts/sharepoint/drive",
            // sso-oidc: home realm discovery, before any login
            "POST /login/sso",
            // saml: the sign-in link, the ACS the IdP posts to, the IdP's single logout (SamlAttackTest, SamlSignInTest)
            "GET /sso/saml/start/{providerId}", "POST /sso/saml/acs/{providerId}", "GET /sso/saml/slo/{providerId}",
            // sso-logout: the OIDC provider's return after its logout, and (at the SLO above) the SAML IdP's LogoutResponse;
            // a forged, replayed or another provider's answer is refused and changes nothing (OidcLogoutTest,
            // SamlLogoutRefusalTest)
            "GET /sso/oidc/signed-out/{providerId}",
            // second-factor: the second step of a login (a pending sign-in's own), step-up and the caller's own factor
            "GET /login/second-factor", "POST /login/second-factor", "POST /account/step-up",
            "POST /account/second-factor/totp", "POST /account/second-factor/totp/confirm",
            "POST /account/second-factor/totp/remove", "POST /account/second-factor/recovery-codes",
            // passkeys: signing in with one (before any login: PasskeyRefusalsTest, no session made: PortalCsrfTest), the
            // second step of a pending sign-in and step-up (the caller's own: another person's passkey is refused,
            // PasskeyRefusalsTest), and the caller's own passkeys (another person's is not found, PasskeyRefusalsTest)
            "POST /login/passkey/options", "POST /login/passkey", "POST /login/second-factor/passkey/options",
            "POST /login/second-factor/passkey", "POST /account/step-up/passkey/options", "POST /account/step-up/passkey",
            "POST /account/second-factor/passkeys/options", "POST /account/second-factor/passkeys",
            "POST /account/second-factor/passkeys/{passkeyId}/remove");

    /** The person a page is for: the first role it answers 200. */
    static Who allowedFor(Route route) {
        for (Who who : Who.values()) {
            if (who != Who.VISITOR && expectation(route, who).equals("200")) {
                return who;
            }
        }
        return null;
    }

    /** The status a line promises this person ("ok", or a number), falling back to its "*". */
    static String expectation(Route route, Who who) {
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
}
