package org.opencps.identity.internal.persistence;

import static org.opencps.identity.internal.persistence.Rows.at;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What single sign-on keeps beside the provider itself, whatever the protocol: the e-mail domains an
 * organization signs in, its sign-in policy, the identities (issuer, subject) bound to accounts, the
 * provider's session ids for back-channel logout, and the groups a provider manages.
 */
@Repository
public class SsoStore {

    private final JdbcClient jdbc;

    SsoStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<String> domains(OrgId org) {
        return jdbc.sql("SELECT domain FROM identity_sso_domain WHERE org_id = ? ORDER BY domain").param(org.value())
                .query(String.class).list();
    }

    /** The provider's domains the organization proved it owns: only these sign people in. */
    public List<String> signInDomains(OrgId org) {
        return jdbc.sql("""
                        SELECT d.domain FROM identity_sso_domain d JOIN identity_domain_claim c
                        ON c.org_id = d.org_id AND c.verified_domain = d.domain WHERE d.org_id = ? ORDER BY d.domain""")
                .param(org.value()).query(String.class).list();
    }

    /** Home realm discovery: the organization that names this domain for its provider and proved it owns it. */
    public Optional<OrgId> organizationOfDomainAcrossOrganizations(String domain) {
        return jdbc.sql("""
                        SELECT d.org_id FROM identity_sso_domain d JOIN identity_domain_claim c
                        ON c.org_id = d.org_id AND c.verified_domain = d.domain WHERE d.domain = ?""")
                .param(domain).query((rs, n) -> Rows.orgId(rs, "org_id")).optional();
    }

    public void replaceDomains(OrgId org, Collection<String> domains) {
        jdbc.sql("DELETE FROM identity_sso_domain WHERE org_id = ?").param(org.value()).update();
        for (String domain : domains) {
            jdbc.sql("INSERT INTO identity_sso_domain (domain, org_id) VALUES (?, ?)").params(domain, org.value()).update();
        }
    }

    public record PolicyRow(boolean ssoOnly, Integer tokenDaysAfterSso) {
    }

    public Optional<PolicyRow> policy(OrgId org) {
        return jdbc.sql("SELECT sso_only, token_days_after_sso FROM identity_sign_in_policy WHERE org_id = ?").param(org.value())
                .query((rs, n) -> new PolicyRow(rs.getBoolean("sso_only"), (Integer) rs.getObject("token_days_after_sso", Integer.class)))
                .optional();
    }

    public void savePolicy(OrgId org, PolicyRow policy) {
        int updated = jdbc.sql("UPDATE identity_sign_in_policy SET sso_only = ?, token_days_after_sso = ? WHERE org_id = ?")
                .params(policy.ssoOnly(), policy.tokenDaysAfterSso(), org.value()).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO identity_sign_in_policy (org_id, sso_only, token_days_after_sso) VALUES (?, ?, ?)")
                    .params(org.value(), policy.ssoOnly(), policy.tokenDaysAfterSso()).update();
        }
    }

    /** Whether any organization the person belongs to lets its people sign in with SSO only. */
    public boolean inSsoOnlyOrganization(UserId user) {
        return jdbc.sql("""
                        SELECT COUNT(*) FROM identity_sign_in_policy p JOIN identity_membership m ON m.org_id = p.org_id
                        WHERE m.user_id = ? AND p.sso_only = TRUE""")
                .param(user.value()).query(Integer.class).single() > 0;
    }

    public record IdentityRow(String issuer, String subject, UserId userId, OrgId orgId, Instant lastSignInAt) {
    }

    public Optional<IdentityRow> identity(String issuer, String subject) {
        return jdbc.sql("SELECT * FROM identity_external_identity WHERE issuer = ? AND subject = ?").params(issuer, subject)
                .query((rs, n) -> new IdentityRow(rs.getString("issuer"), rs.getString("subject"), Rows.userId(rs, "user_id"),
                        Rows.orgId(rs, "org_id"), Rows.instant(rs, "last_sign_in_at")))
                .optional();
    }

    public void bind(OrgId org, String protocol, String issuer, String subject, UserId user, Instant now) {
        jdbc.sql("""
                        INSERT INTO identity_external_identity (issuer, subject, user_id, org_id, created_at, protocol, last_sign_in_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(issuer, subject, user.value(), org.value(), at(now), protocol, at(now)).update();
    }

    /** Binds an identity an import found (the person has not signed in through it yet). */
    public void bindImported(OrgId org, String protocol, String issuer, String subject, UserId user, Instant now) {
        jdbc.sql("""
                        INSERT INTO identity_external_identity (issuer, subject, user_id, org_id, created_at, protocol)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .params(issuer, subject, user.value(), org.value(), at(now), protocol).update();
    }

    public void signedIn(String issuer, String subject, Instant now) {
        jdbc.sql("UPDATE identity_external_identity SET last_sign_in_at = ? WHERE issuer = ? AND subject = ?")
                .params(at(now), issuer, subject).update();
    }

    /** The person's last sign-in through an identity provider of this organization, if any. */
    public Optional<Instant> lastSignIn(OrgId org, UserId user) {
        return jdbc.sql("SELECT MAX(last_sign_in_at) AS last_at FROM identity_external_identity WHERE org_id = ? AND user_id = ?")
                .params(org.value(), user.value())
                .query((rs, n) -> Optional.ofNullable(Rows.instant(rs, "last_at"))).single();
    }

    public void rememberSession(String issuer, String sid, UserId user, Instant now, Instant forgetBefore) {
        jdbc.sql("DELETE FROM identity_sso_session WHERE created_at < ?").param(at(forgetBefore)).update();
        jdbc.sql("DELETE FROM identity_sso_session WHERE issuer = ? AND sid = ?").params(issuer, sid).update();
        jdbc.sql("INSERT INTO identity_sso_session (issuer, sid, user_id, created_at) VALUES (?, ?, ?, ?)")
                .params(issuer, sid, user.value(), at(now)).update();
    }

    public Optional<UserId> sessionOwner(String issuer, String sid) {
        return jdbc.sql("SELECT user_id FROM identity_sso_session WHERE issuer = ? AND sid = ?").params(issuer, sid)
                .query((rs, n) -> Rows.userId(rs, "user_id")).optional();
    }

    public List<UUID> managedGroups(OrgId org) {
        return jdbc.sql("SELECT group_id FROM identity_sso_group WHERE org_id = ?").param(org.value()).query(UUID.class).list();
    }

    public void manageGroup(OrgId org, UUID group) {
        jdbc.sql("DELETE FROM identity_sso_group WHERE org_id = ? AND group_id = ?").params(org.value(), group).update();
        jdbc.sql("INSERT INTO identity_sso_group (org_id, group_id) VALUES (?, ?)").params(org.value(), group).update();
    }
}
