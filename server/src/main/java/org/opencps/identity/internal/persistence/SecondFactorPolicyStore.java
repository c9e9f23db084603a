package org.opencps.identity.internal.persistence;

import static org.opencps.identity.internal.persistence.Rows.at;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Each organization's second-factor requirement (identity_second_factor_policy); no row: nothing required. */
@Repository
public class SecondFactorPolicyStore {

    private final JdbcClient jdbc;

    SecondFactorPolicyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** {@code idpMfaValues}: space separated. */
    public record PolicyRow(OrgId orgId, String requiredFor, int graceDays, Instant requiredSince, boolean trustIdp,
                            String idpMfaValues) {
    }

    public Optional<PolicyRow> find(OrgId org) {
        return jdbc.sql("SELECT * FROM identity_second_factor_policy WHERE org_id = ?").param(org.value())
                .query((rs, n) -> row(rs)).optional();
    }

    /** The requirements of the organizations the person belongs to that require anything. */
    public List<PolicyRow> requiringOrganizationsOf(UserId user) {
        return jdbc.sql("""
                        SELECT p.* FROM identity_second_factor_policy p JOIN identity_membership m ON m.org_id = p.org_id
                        WHERE m.user_id = ? AND p.required_for <> 'OFF'""")
                .param(user.value()).query((rs, n) -> row(rs)).list();
    }

    public void save(PolicyRow policy, Instant now) {
        int updated = jdbc.sql("""
                        UPDATE identity_second_factor_policy SET required_for = ?, grace_days = ?, required_since = ?, trust_idp = ?,
                        idp_mfa_values = ?, updated_at = ? WHERE org_id = ?""")
                .params(policy.requiredFor(), policy.graceDays(), at(policy.requiredSince()), policy.trustIdp(), policy.idpMfaValues(),
                        at(now), policy.orgId().value())
                .update();
        if (updated == 0) {
            jdbc.sql("""
                            INSERT INTO identity_second_factor_policy (org_id, required_for, grace_days, required_since, trust_idp,
                            idp_mfa_values, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)""")
                    .params(policy.orgId().value(), policy.requiredFor(), policy.graceDays(), at(policy.requiredSince()),
                            policy.trustIdp(), policy.idpMfaValues(), at(now))
                    .update();
        }
    }

    private static PolicyRow row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new PolicyRow(Rows.orgId(rs, "org_id"), rs.getString("required_for"), rs.getInt("grace_days"),
                Rows.instant(rs, "required_since"), rs.getBoolean("trust_idp"), rs.getString("idp_mfa_values"));
    }
}
