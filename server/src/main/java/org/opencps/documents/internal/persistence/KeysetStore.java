package org.opencps.documents.internal.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.opencps.platform.ids.OrgId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code documents_keyset} table: one wrapped keyset per organization. */
@Repository
public class KeysetStore {

    public record Row(OrgId org, String wrapped, long primaryKeyId, int keyCount, Instant createdAt, Instant rotatedAt) {
    }

    private final JdbcClient jdbc;

    KeysetStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Row> find(OrgId org) {
        return select(org, "");
    }

    public Optional<Row> findForUpdate(OrgId org) {
        return select(org, " FOR UPDATE");
    }

    private Optional<Row> select(OrgId org, String lock) {
        return jdbc.sql("""
                        SELECT wrapped_keyset, primary_key_id, key_count, created_at, rotated_at
                        FROM documents_keyset WHERE org_id = ?""" + lock)
                .param(org.value())
                .query((rs, i) -> new Row(org, rs.getString(1), rs.getLong(2), rs.getInt(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getObject(5, OffsetDateTime.class).toInstant()))
                .optional();
    }

    /** Throws DuplicateKeyException when another process created the organization's keyset first. */
    public void insert(Row row) {
        jdbc.sql("""
                        INSERT INTO documents_keyset (org_id, wrapped_keyset, primary_key_id, key_count, created_at, rotated_at)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .params(row.org().value(), row.wrapped(), row.primaryKeyId(), row.keyCount(),
                        utc(row.createdAt()), utc(row.rotatedAt()))
                .update();
    }

    public void update(Row row) {
        jdbc.sql("""
                        UPDATE documents_keyset SET wrapped_keyset = ?, primary_key_id = ?, key_count = ?, rotated_at = ?
                        WHERE org_id = ?""")
                .params(row.wrapped(), row.primaryKeyId(), row.keyCount(), utc(row.rotatedAt()), row.org().value())
                .update();
    }

    public void delete(OrgId org) {
        jdbc.sql("DELETE FROM documents_keyset WHERE org_id = ?").param(org.value()).update();
    }

    /** Across all organizations: those whose newest key is older than the cutoff. */
    public List<OrgId> rotatedAtOrBefore(Instant cutoff) {
        return jdbc.sql("SELECT org_id FROM documents_keyset WHERE rotated_at <= ?")
                .param(utc(cutoff))
                .query((rs, i) -> new OrgId(rs.getObject(1, java.util.UUID.class)))
                .list();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
