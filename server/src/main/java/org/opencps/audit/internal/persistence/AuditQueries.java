package org.opencps.audit.internal.persistence;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.opencps.audit.AuditEntry;
import org.opencps.audit.AuditFilter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** An organization's audit records as its admins read them: filtered, newest first. */
@Repository
public class AuditQueries {

    private final JdbcClient jdbc;

    AuditQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Up to {@code limit} records of the organization matching the filter, skipping {@code offset};
     * with {@code actorsOnly} not null, only those whose actor is one of them.
     */
    public List<AuditEntry> find(UUID org, AuditFilter filter, List<UUID> actorsOnly, int offset, int limit) {
        return find(org, filter, actorsOnly, null, offset, limit);
    }

    private List<AuditEntry> find(UUID org, AuditFilter filter, List<UUID> actorsOnly, Long beforeSeq, int offset, int limit) {
        var where = new StringBuilder("org_id = ?");
        var params = new ArrayList<Object>(List.of(org));
        if (beforeSeq != null) {
            where.append(" AND seq < ?");
            params.add(beforeSeq);
        }
        if (filter.from() != null) {
            where.append(" AND occurred_at >= ?");
            params.add(OffsetDateTime.ofInstant(filter.from(), ZoneOffset.UTC));
        }
        if (filter.to() != null) {
            where.append(" AND occurred_at < ?");
            params.add(OffsetDateTime.ofInstant(filter.to(), ZoneOffset.UTC));
        }
        if (filter.actor() != null) {
            where.append(" AND actor_user_id = ?");
            params.add(filter.actor());
        }
        if (filter.action() != null) {
            where.append(" AND type = ?");
            params.add(filter.action());
        }
        if (filter.outcome() != null) {
            where.append(" AND outcome = ?");
            params.add(filter.outcome());
        }
        if (actorsOnly != null) {
            if (actorsOnly.isEmpty()) {
                return List.of();
            }
            where.append(" AND actor_user_id IN (").append("?, ".repeat(actorsOnly.size() - 1)).append("?)");
            params.addAll(actorsOnly);
        }
        return jdbc.sql("SELECT seq, occurred_at, type, outcome, actor_user_id, subject, detail, source_ip, user_agent"
                        + " FROM audit_event WHERE " + where + " ORDER BY seq DESC OFFSET " + offset + " ROWS FETCH NEXT "
                        + limit + " ROWS ONLY")
                .params(params.toArray())
                .query((rs, n) -> new AuditEntry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                        rs.getString(3), rs.getString(4), rs.getObject(5, UUID.class), rs.getString(6), rs.getString(7),
                        rs.getString(8), rs.getString(9)))
                .list();
    }

    /**
     * Every matching record, newest first, handed on in batches so an export needs little memory;
     * records appended meanwhile are not among them (each batch continues below the last seq).
     */
    public void forEach(UUID org, AuditFilter filter, List<UUID> actorsOnly, Consumer<AuditEntry> each) {
        int batch = 1000;
        Long before = null;
        while (true) {
            List<AuditEntry> entries = find(org, filter, actorsOnly, before, 0, batch);
            entries.forEach(each);
            if (entries.size() < batch) {
                return;
            }
            before = entries.getLast().seq();
        }
    }
}
