package org.opencps.ipp.internal.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.opencps.ipp.PrintQueue;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Print queues: one per (organization, person); the secret URL's secret only as its SHA-256. */
@Repository
public class QueueStore {

    private final JdbcClient jdbc;

    QueueStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<PrintQueue> find(OrgId org, UserId user) {
        return jdbc.sql("SELECT * FROM ipp_queue WHERE org_id = ? AND user_id = ?")
                .params(org.value(), user.value()).query(QueueStore::queue).optional();
    }

    /** Creates the queue, or returns the one a concurrent request made first. */
    public PrintQueue create(OrgId org, UserId user, Instant now) {
        try {
            jdbc.sql("INSERT INTO ipp_queue (org_id, id, user_id, created_at) VALUES (?, ?, ?, ?)")
                    .params(org.value(), UUID.randomUUID(), user.value(), at(now)).update();
        } catch (DuplicateKeyException concurrentCreate) {
            // the unique (org_id, user_id) key kept the other request's queue; use that one
        }
        return find(org, user).orElseThrow();
    }

    /**
     * The queue a request's URL names. A URL carries no organization, so this lookup spans
     * organizations: the id is random and unique, and the caller still has to authenticate.
     */
    public Optional<PrintQueue> findByIdAcrossOrganizations(UUID id) {
        return jdbc.sql("SELECT * FROM ipp_queue WHERE id = ?").param(id).query(QueueStore::queue).optional();
    }

    /** The queue a secret URL names, by the hash of its secret; spans organizations like the one above. */
    public Optional<PrintQueue> findBySecretHashAcrossOrganizations(String secretHash) {
        return jdbc.sql("SELECT * FROM ipp_queue WHERE secret_hash = ?").param(secretHash)
                .query(QueueStore::queue).optional();
    }

    public void setSecret(OrgId org, UUID id, String secretHash, Instant now) {
        jdbc.sql("UPDATE ipp_queue SET secret_hash = ?, secret_rotated_at = ? WHERE org_id = ? AND id = ?")
                .params(secretHash, at(now), org.value(), id).update();
    }

    /** Whether there was a secret to clear. */
    public boolean clearSecret(OrgId org, UUID id, Instant now) {
        return jdbc.sql("UPDATE ipp_queue SET secret_hash = NULL, secret_rotated_at = ? WHERE org_id = ? AND id = ? AND secret_hash IS NOT NULL")
                .params(at(now), org.value(), id).update() > 0;
    }

    public void deleteQueueOf(OrgId org, UserId user) {
        jdbc.sql("DELETE FROM ipp_job WHERE org_id = ? AND queue_id IN (SELECT id FROM ipp_queue WHERE org_id = ? AND user_id = ?)")
                .params(org.value(), org.value(), user.value()).update();
        jdbc.sql("DELETE FROM ipp_queue WHERE org_id = ? AND user_id = ?").params(org.value(), user.value()).update();
    }

    public void deleteOrganization(OrgId org) {
        jdbc.sql("DELETE FROM ipp_job WHERE org_id = ?").param(org.value()).update();
        jdbc.sql("DELETE FROM ipp_queue WHERE org_id = ?").param(org.value()).update();
    }

    public static OffsetDateTime at(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static PrintQueue queue(ResultSet rs, int row) throws SQLException {
        return new PrintQueue(new OrgId(rs.getObject("org_id", UUID.class)), rs.getObject("id", UUID.class),
                new UserId(rs.getObject("user_id", UUID.class)), rs.getString("secret_hash") != null,
                instant(rs, "created_at"), instant(rs, "secret_rotated_at"));
    }
}
