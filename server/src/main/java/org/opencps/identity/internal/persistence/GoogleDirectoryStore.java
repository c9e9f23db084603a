package org.opencps.identity.internal.persistence;

import static org.opencps.identity.internal.persistence.Rows.at;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** An organization's Google Workspace connection, the connections being begun, and which selection to import. */
@Repository
public class GoogleDirectoryStore {

    private final JdbcClient jdbc;

    GoogleDirectoryStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record ConnectionRow(OrgId orgId, String sealedRefreshToken, UserId connectedBy, Instant connectedAt, boolean allUsers,
                                List<String> groupKeys) {
    }

    public record PendingRow(OrgId orgId, UserId userId, String sealedVerifier, Instant createdAt) {
    }

    public Optional<ConnectionRow> connection(OrgId org) {
        return jdbc.sql("SELECT * FROM identity_google_directory WHERE org_id = ?").param(org.value())
                .query(GoogleDirectoryStore::connection).optional();
    }

    public void saveConnection(OrgId org, String sealedRefreshToken, UserId by, Instant now) {
        int updated = jdbc.sql("UPDATE identity_google_directory SET refresh_token_sealed = ?, connected_by = ?, connected_at = ? WHERE org_id = ?")
                .params(sealedRefreshToken, by.value(), at(now), org.value()).update();
        if (updated == 0) {
            jdbc.sql("""
                            INSERT INTO identity_google_directory (org_id, refresh_token_sealed, connected_by, connected_at, all_users, group_keys)
                            VALUES (?, ?, ?, ?, TRUE, '')""")
                    .params(org.value(), sealedRefreshToken, by.value(), at(now)).update();
        }
    }

    /** Locks the connection's row until the transaction ends (one import queued at a time per organization). */
    public Optional<OrgId> lockConnection(OrgId org) {
        return jdbc.sql("SELECT org_id FROM identity_google_directory WHERE org_id = ? FOR UPDATE").param(org.value())
                .query((rs, n) -> Rows.orgId(rs, "org_id")).optional();
    }

    public boolean saveSelection(OrgId org, boolean allUsers, List<String> groupKeys) {
        return jdbc.sql("UPDATE identity_google_directory SET all_users = ?, group_keys = ? WHERE org_id = ?")
                .params(allUsers, String.join(" ", groupKeys), org.value()).update() == 1;
    }

    public boolean deleteConnection(OrgId org) {
        return jdbc.sql("DELETE FROM identity_google_directory WHERE org_id = ?").param(org.value()).update() == 1;
    }

    public void beginConnect(String stateHash, OrgId org, UserId user, String sealedVerifier, Instant now, Instant forgetBefore) {
        jdbc.sql("DELETE FROM identity_google_connect WHERE created_at < ?").param(at(forgetBefore)).update();
        jdbc.sql("INSERT INTO identity_google_connect (state_hash, org_id, user_id, verifier_sealed, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(stateHash, org.value(), user.value(), sealedVerifier, at(now)).update();
    }

    /**
     * The pending connection of this state begun by this person, removed so that it is used once (by whichever process
     * deletes it); someone else's is left alone.
     */
    public Optional<PendingRow> takeConnect(String stateHash, UserId user) {
        var row = jdbc.sql("SELECT * FROM identity_google_connect WHERE state_hash = ? AND user_id = ?").params(stateHash, user.value())
                .query((rs, n) -> new PendingRow(Rows.orgId(rs, "org_id"), Rows.userId(rs, "user_id"), rs.getString("verifier_sealed"),
                        Rows.instant(rs, "created_at")))
                .optional();
        if (row.isEmpty() || jdbc.sql("DELETE FROM identity_google_connect WHERE state_hash = ? AND user_id = ?")
                .params(stateHash, user.value()).update() != 1) {
            return Optional.empty();
        }
        return row;
    }

    public record GoogleUserRow(OrgId orgId, String googleId, UserId userId, String email, Instant goneSince, String goneReason) {
    }

    public List<GoogleUserRow> googleUsers(OrgId org) {
        return jdbc.sql("SELECT * FROM identity_google_user WHERE org_id = ? ORDER BY email").param(org.value())
                .query(GoogleDirectoryStore::googleUser).list();
    }

    public void saveGoogleUser(OrgId org, String googleId, UserId user, String email) {
        int updated = jdbc.sql("UPDATE identity_google_user SET email = ?, gone_since = NULL, gone_reason = NULL WHERE org_id = ? AND google_id = ?")
                .params(email, org.value(), googleId).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO identity_google_user (org_id, google_id, user_id, email) VALUES (?, ?, ?, ?)")
                    .params(org.value(), googleId, user.value(), email).update();
        }
    }

    /** Marks a known Google user gone (suspended, or not in the directory any more), keeping the first time seen so. */
    public void markGone(OrgId org, String googleId, String reason, Instant now) {
        jdbc.sql("UPDATE identity_google_user SET gone_since = COALESCE(gone_since, ?), gone_reason = ? WHERE org_id = ? AND google_id = ?")
                .params(at(now), reason, org.value(), googleId).update();
    }

    public boolean forgetGoogleUser(OrgId org, UserId user) {
        return jdbc.sql("DELETE FROM identity_google_user WHERE org_id = ? AND user_id = ? AND gone_since IS NOT NULL")
                .params(org.value(), user.value()).update() > 0;
    }

    private static ConnectionRow connection(ResultSet rs, int row) throws SQLException {
        String keys = rs.getString("group_keys");
        var by = rs.getObject("connected_by", UUID.class);
        return new ConnectionRow(Rows.orgId(rs, "org_id"), rs.getString("refresh_token_sealed"), by == null ? null : new UserId(by),
                Rows.instant(rs, "connected_at"), rs.getBoolean("all_users"), keys.isBlank() ? List.of() : List.of(keys.split(" ")));
    }

    private static GoogleUserRow googleUser(ResultSet rs, int row) throws SQLException {
        return new GoogleUserRow(Rows.orgId(rs, "org_id"), rs.getString("google_id"), Rows.userId(rs, "user_id"), rs.getString("email"),
                Rows.instant(rs, "gone_since"), rs.getString("gone_reason"));
    }
}
