package org.opencps.identity.internal.persistence;

import static org.opencps.identity.internal.persistence.Rows.at;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.opencps.access.RoleRef;
import org.opencps.identity.Invitation;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class InvitationStore {

    private final JdbcClient jdbc;

    InvitationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Invitation invitation, String tokenHash) {
        jdbc.sql("""
                        INSERT INTO identity_invitation (org_id, id, email, roles, token_hash, invited_by, by_provider, created_at, expires_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(invitation.orgId().value(), invitation.id(), invitation.email(),
                        invitation.roles().stream().map(RoleRef::key).collect(Collectors.joining(",")), tokenHash,
                        invitation.invitedBy() == null ? null : invitation.invitedBy().value(), invitation.byProvider(),
                        at(invitation.createdAt()), at(invitation.expiresAt()))
                .update();
    }

    /** Finds an invitation by the hash of its link's secret: the link is all its holder has. */
    public Optional<Invitation> findByTokenHash(String tokenHash) {
        return jdbc.sql("SELECT * FROM identity_invitation WHERE token_hash = ?").param(tokenHash)
                .query(InvitationStore::invitation).optional();
    }

    public List<Invitation> list(OrgId org) {
        return jdbc.sql("SELECT * FROM identity_invitation WHERE org_id = ? ORDER BY created_at DESC")
                .param(org.value()).query(InvitationStore::invitation).list();
    }

    /** Marks the invitation used; false if it was used, revoked or expired in the meantime (single use). */
    public boolean markAccepted(OrgId org, UUID id, Instant now) {
        return jdbc.sql("""
                        UPDATE identity_invitation SET accepted_at = ?
                        WHERE org_id = ? AND id = ? AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > ?""")
                .params(at(now), org.value(), id, at(now)).update() == 1;
    }

    public boolean revoke(OrgId org, UUID id, Instant now) {
        return jdbc.sql("UPDATE identity_invitation SET revoked_at = ? WHERE org_id = ? AND id = ? AND accepted_at IS NULL AND revoked_at IS NULL")
                .params(at(now), org.value(), id).update() == 1;
    }

    /** Revokes earlier pending invitations of the same address, so only the newest link works. */
    public void revokePending(OrgId org, String email, Instant now) {
        jdbc.sql("UPDATE identity_invitation SET revoked_at = ? WHERE org_id = ? AND email = ? AND accepted_at IS NULL AND revoked_at IS NULL")
                .params(at(now), org.value(), email).update();
    }

    public void purge(OrgId org) {
        jdbc.sql("DELETE FROM identity_invitation WHERE org_id = ?").param(org.value()).update();
    }

    private static Invitation invitation(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        var roles = Arrays.stream(rs.getString("roles").split(",")).filter(s -> !s.isBlank()).map(RoleRef::new)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        UUID invitedBy = rs.getObject("invited_by", UUID.class);
        return new Invitation(Rows.orgId(rs, "org_id"), rs.getObject("id", UUID.class), rs.getString("email"), roles,
                invitedBy == null ? null : new UserId(invitedBy), rs.getBoolean("by_provider"), Rows.instant(rs, "created_at"),
                Rows.instant(rs, "expires_at"), Rows.instant(rs, "accepted_at"), Rows.instant(rs, "revoked_at"));
    }
}
