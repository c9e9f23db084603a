package org.opencps.reporting.recipients.internal.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.reporting.recipients.ReportRecipient;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code reporting_recipient} table. */
@Repository
public class RecipientStore {

    private final JdbcClient jdbc;

    RecipientStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(ReportRecipient recipient, UserId addedBy, String confirmTokenHash, Instant confirmExpiresAt) {
        jdbc.sql("""
                        INSERT INTO reporting_recipient (org_id, id, email, language, status, confirm_token_hash,
                        confirm_expires_at, added_by, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(recipient.orgId().value(), recipient.id(), recipient.email(), recipient.language(),
                        recipient.status().name(), confirmTokenHash, utc(confirmExpiresAt), addedBy.value(), utc(recipient.addedAt()))
                .update();
    }

    public List<ReportRecipient> all(OrgId org) {
        return jdbc.sql("SELECT * FROM reporting_recipient WHERE org_id = ? ORDER BY email")
                .param(org.value()).query(RecipientStore::recipient).list();
    }

    public Optional<ReportRecipient> find(OrgId org, UUID id) {
        return jdbc.sql("SELECT * FROM reporting_recipient WHERE org_id = ? AND id = ?")
                .params(org.value(), id).query(RecipientStore::recipient).optional();
    }

    public List<ReportRecipient> findAll(OrgId org, Collection<UUID> ids) {
        return ids.stream().flatMap(id -> find(org, id).stream()).toList();
    }

    /** Removes the recipient, and it from every schedule of the organization. */
    public boolean delete(OrgId org, UUID id) {
        jdbc.sql("DELETE FROM reporting_schedule_target WHERE org_id = ? AND recipient_id = ?").params(org.value(), id).update();
        return jdbc.sql("DELETE FROM reporting_recipient WHERE org_id = ? AND id = ?").params(org.value(), id).update() == 1;
    }

    /**
     * Confirms the pending recipient whose unexpired link this is, and forgets the link: it works
     * once. Spans organizations on purpose: the link is all its holder has. Empty when no pending
     * recipient has this link, or it expired.
     */
    public Optional<ReportRecipient> confirmAcrossOrganizations(String tokenHash, Instant now) {
        Optional<ReportRecipient> pending = jdbc.sql("""
                        SELECT * FROM reporting_recipient WHERE confirm_token_hash = ? AND status = 'PENDING'
                        AND confirm_expires_at > ?""")
                .params(tokenHash, utc(now)).query(RecipientStore::recipient).optional();
        if (pending.isEmpty()) {
            return Optional.empty();
        }
        ReportRecipient r = pending.get();
        int changed = jdbc.sql("""
                        UPDATE reporting_recipient SET status = 'CONFIRMED', confirmed_at = ?, confirm_token_hash = NULL,
                        confirm_expires_at = NULL WHERE org_id = ? AND id = ? AND confirm_token_hash = ? AND status = 'PENDING'""")
                .params(utc(now), r.orgId().value(), r.id(), tokenHash).update();
        return changed == 1 ? find(r.orgId(), r.id()) : Optional.empty();
    }

    /** Ends every mail to the recipient; true when it was not unsubscribed yet. */
    public boolean unsubscribe(OrgId org, UUID id, Instant now) {
        return jdbc.sql("""
                        UPDATE reporting_recipient SET status = 'UNSUBSCRIBED', unsubscribed_at = ?, confirm_token_hash = NULL,
                        confirm_expires_at = NULL WHERE org_id = ? AND id = ? AND status <> 'UNSUBSCRIBED'""")
                .params(utc(now), org.value(), id).update() == 1;
    }

    public void purge(OrgId org) {
        jdbc.sql("DELETE FROM reporting_recipient WHERE org_id = ?").param(org.value()).update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static ReportRecipient recipient(ResultSet rs, int i) throws SQLException {
        return new ReportRecipient(new OrgId(rs.getObject("org_id", UUID.class)), rs.getObject("id", UUID.class),
                rs.getString("email"), rs.getString("language"), ReportRecipient.Status.valueOf(rs.getString("status")),
                instant(rs, "added_at"), instant(rs, "confirmed_at"), instant(rs, "unsubscribed_at"));
    }
}
