package org.opencps.reporting.contracts.internal.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.tenancy.License;
import org.opencps.tenancy.LicenseChanged;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code reporting_license_change} table: the contract history, one row per license change. */
@Repository
public class LicenseChangeStore {

    /** A stored change, with the id of who made it. */
    public record Row(java.time.Instant at, UserId changedBy, OrgId parentId, License before, License after) {
    }

    private final JdbcClient jdbc;

    LicenseChangeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the change unless its event was recorded already (a redelivery adds nothing). */
    public void insertIfAbsent(LicenseChanged e) {
        boolean present = jdbc.sql("SELECT COUNT(*) FROM reporting_license_change WHERE org_id = ? AND event_id = ?")
                .params(e.orgId().value(), e.eventId()).query(Long.class).single() > 0;
        if (present) {
            return;
        }
        License b = e.before();
        License a = e.after();
        jdbc.sql("""
                        INSERT INTO reporting_license_change (org_id, event_id, parent_id, changed_by, changed_at,
                        before_device_limit, before_plan, before_term_start, before_term_end,
                        after_device_limit, after_plan, after_term_start, after_term_end)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(e.orgId().value(), e.eventId(), e.parentId() == null ? null : e.parentId().value(),
                        e.changedBy() == null ? null : e.changedBy().value(), e.at().atOffset(ZoneOffset.UTC),
                        b == null ? null : b.deviceLimit(), b == null ? null : b.plan(), b == null ? null : b.termStart(),
                        b == null ? null : b.termEnd(), a.deviceLimit(), a.plan(), a.termStart(), a.termEnd())
                .update();
    }

    /** The organization's changes, oldest first. */
    public List<Row> changesOf(OrgId org) {
        return jdbc.sql("SELECT * FROM reporting_license_change WHERE org_id = ? ORDER BY changed_at, event_id")
                .param(org.value()).query(LicenseChangeStore::row).list();
    }

    public void purge(OrgId org) {
        jdbc.sql("DELETE FROM reporting_license_change WHERE org_id = ?").param(org.value()).update();
    }

    private static Row row(ResultSet rs, int i) throws SQLException {
        UUID by = rs.getObject("changed_by", UUID.class);
        UUID parent = rs.getObject("parent_id", UUID.class);
        License before = rs.getString("before_plan") == null ? null : new License(rs.getInt("before_device_limit"),
                rs.getString("before_plan"), rs.getObject("before_term_start", LocalDate.class),
                rs.getObject("before_term_end", LocalDate.class));
        License after = new License(rs.getInt("after_device_limit"), rs.getString("after_plan"),
                rs.getObject("after_term_start", LocalDate.class), rs.getObject("after_term_end", LocalDate.class));
        return new Row(rs.getObject("changed_at", OffsetDateTime.class).toInstant(), by == null ? null : new UserId(by),
                parent == null ? null : new OrgId(parent), before, after);
    }
}
