package org.opencps.identity.internal.persistence;

import static org.opencps.identity.internal.persistence.Rows.at;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.opencps.platform.ids.OrgId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * E-mail domains organizations claim for single sign-on, the proof of each (a DNS TXT record with the organization's
 * token), and when it was last checked. A domain may be claimed by several organizations but verified by one at most
 * (the unique {@code verified_domain}).
 */
@Repository
public class DomainClaimStore {

    private final JdbcClient jdbc;

    DomainClaimStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record ClaimRow(OrgId orgId, String domain, Instant claimedAt, Instant verifiedAt, Instant checkedAt,
                           Instant missingSince, String lastResult) {

        public boolean verified() {
            return verifiedAt != null;
        }
    }

    public Optional<String> token(OrgId org) {
        return jdbc.sql("SELECT token FROM identity_domain_token WHERE org_id = ?").param(org.value()).query(String.class).optional();
    }

    /** Stores the token unless the organization has one already (another process may have been first). */
    public void saveTokenIfNone(OrgId org, String token) {
        jdbc.sql("INSERT INTO identity_domain_token (org_id, token) SELECT ?, ? WHERE NOT EXISTS "
                        + "(SELECT 1 FROM identity_domain_token WHERE org_id = ?)")
                .params(org.value(), token, org.value()).update();
    }

    public List<ClaimRow> claims(OrgId org) {
        return jdbc.sql("SELECT * FROM identity_domain_claim WHERE org_id = ? ORDER BY domain").param(org.value())
                .query(DomainClaimStore::claim).list();
    }

    public Optional<ClaimRow> claim(OrgId org, String domain) {
        return jdbc.sql("SELECT * FROM identity_domain_claim WHERE org_id = ? AND domain = ?").params(org.value(), domain)
                .query(DomainClaimStore::claim).optional();
    }

    /** The organization that holds the domain verified, if any. */
    public Optional<OrgId> verifiedBy(String domain) {
        return jdbc.sql("SELECT org_id FROM identity_domain_claim WHERE verified_domain = ?").param(domain)
                .query((rs, n) -> Rows.orgId(rs, "org_id")).optional();
    }

    /** @return false when the organization had claimed it already */
    public boolean insertClaim(OrgId org, String domain, Instant now) {
        return jdbc.sql("INSERT INTO identity_domain_claim (org_id, domain, claimed_at) SELECT ?, ?, ? WHERE NOT EXISTS "
                        + "(SELECT 1 FROM identity_domain_claim WHERE org_id = ? AND domain = ?)")
                .params(org.value(), domain, at(now), org.value(), domain).update() == 1;
    }

    public boolean deleteClaim(OrgId org, String domain) {
        return jdbc.sql("DELETE FROM identity_domain_claim WHERE org_id = ? AND domain = ?").params(org.value(), domain).update() == 1;
    }

    /**
     * Marks the claim verified. Throws {@link org.springframework.dao.DuplicateKeyException} when another
     * organization verified the domain meanwhile.
     */
    public void markVerified(OrgId org, String domain, Instant now) {
        jdbc.sql("""
                        UPDATE identity_domain_claim SET verified_domain = domain, verified_at = COALESCE(verified_at, ?),
                        checked_at = ?, missing_since = NULL, last_result = 'VERIFIED' WHERE org_id = ? AND domain = ?""")
                .params(at(now), at(now), org.value(), domain).update();
    }

    /** A check that did not prove the claim: the result, and for a verified one since when its record is missing. */
    public void markChecked(OrgId org, String domain, String result, Instant missingSince, Instant now) {
        jdbc.sql("UPDATE identity_domain_claim SET checked_at = ?, missing_since = ?, last_result = ? WHERE org_id = ? AND domain = ?")
                .params(at(now), missingSince == null ? null : at(missingSince), result, org.value(), domain).update();
    }

    public void markUnverified(OrgId org, String domain, String result, Instant now) {
        jdbc.sql("""
                        UPDATE identity_domain_claim SET verified_domain = NULL, verified_at = NULL, missing_since = NULL,
                        checked_at = ?, last_result = ? WHERE org_id = ? AND domain = ?""")
                .params(at(now), result, org.value(), domain).update();
    }

    /** Claims not checked since {@code before}, oldest first, across organizations (for the scheduled re-check). */
    public List<ClaimRow> dueForCheck(Instant before, int limit) {
        return jdbc.sql("SELECT * FROM identity_domain_claim WHERE checked_at IS NULL OR checked_at < ? ORDER BY checked_at NULLS FIRST, domain LIMIT ?")
                .params(at(before), limit).query(DomainClaimStore::claim).list();
    }

    private static ClaimRow claim(ResultSet rs, int row) throws SQLException {
        return new ClaimRow(Rows.orgId(rs, "org_id"), rs.getString("domain"), Rows.instant(rs, "claimed_at"),
                Rows.instant(rs, "verified_at"), Rows.instant(rs, "checked_at"), Rows.instant(rs, "missing_since"),
                rs.getString("last_result"));
    }
}
