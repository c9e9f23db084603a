package org.opencps.reporting.internal.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code reporting_scan} table: one row per scan received, with the groups its person was in then. */
@Repository
public class ScanUsageStore {

    public record Scanned(OrgId org, UUID scan, UUID user, UUID device, UUID deviceGroup, Instant at, int pages,
                          List<UUID> groups) {
    }

    private final JdbcClient jdbc;

    ScanUsageStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** False when the scan was recorded already (its event delivered again). */
    public boolean insertIfAbsent(Scanned s) {
        if (jdbc.sql("SELECT COUNT(*) FROM reporting_scan WHERE org_id = ? AND scan_id = ?")
                .params(s.org().value(), s.scan()).query(Long.class).single() > 0) {
            return false;
        }
        jdbc.sql("""
                        INSERT INTO reporting_scan (org_id, scan_id, user_id, device_id, device_group_id, scanned_at, pages)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(s.org().value(), s.scan(), s.user(), s.device(), s.deviceGroup(), s.at().atOffset(ZoneOffset.UTC), s.pages())
                .update();
        s.groups().forEach(group -> jdbc.sql("INSERT INTO reporting_scan_group (org_id, scan_id, group_id) VALUES (?, ?, ?)")
                .params(s.org().value(), s.scan(), group).update());
        return true;
    }

    /** Scans from (inclusive) to (exclusive), for rebuilding the roll-ups. */
    public List<Scanned> between(OrgId org, Instant from, Instant to) {
        Object[] span = {org.value(), from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC)};
        Map<UUID, List<UUID>> groupsOfScan = new HashMap<>();
        jdbc.sql("""
                        SELECT g.scan_id, g.group_id FROM reporting_scan_group g JOIN reporting_scan s
                        ON s.org_id = g.org_id AND s.scan_id = g.scan_id
                        WHERE s.org_id = ? AND s.scanned_at >= ? AND s.scanned_at < ?""")
                .params(span)
                .query(rs -> {
                    groupsOfScan.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(rs.getObject(2, UUID.class));
                });
        return jdbc.sql("SELECT scan_id, user_id, device_id, device_group_id, scanned_at, pages FROM reporting_scan"
                        + " WHERE org_id = ? AND scanned_at >= ? AND scanned_at < ?")
                .params(span)
                .query((rs, i) -> {
                    UUID scan = rs.getObject(1, UUID.class);
                    return new Scanned(org, scan, rs.getObject(2, UUID.class), rs.getObject(3, UUID.class), rs.getObject(4, UUID.class),
                            rs.getObject(5, OffsetDateTime.class).toInstant(), rs.getInt(6), groupsOfScan.getOrDefault(scan, List.of()));
                })
                .list();
    }

    /** The organization's first and last scan; nulls without any. */
    public Instant[] span(OrgId org) {
        return jdbc.sql("SELECT MIN(scanned_at), MAX(scanned_at) FROM reporting_scan WHERE org_id = ?").param(org.value())
                .query((rs, i) -> new Instant[] {instant(rs.getObject(1, OffsetDateTime.class)), instant(rs.getObject(2, OffsetDateTime.class))})
                .single();
    }

    /** Pages scanned from (inclusive) to (exclusive). */
    public long pagesBetween(OrgId org, Instant from, Instant to) {
        return jdbc.sql("SELECT COALESCE(SUM(pages), 0) FROM reporting_scan WHERE org_id = ? AND scanned_at >= ? AND scanned_at < ?")
                .params(org.value(), from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC)).query(Long.class).single();
    }

    public void purge(OrgId org) {
        jdbc.sql("DELETE FROM reporting_scan_group WHERE org_id = ?").param(org.value()).update();
        jdbc.sql("DELETE FROM reporting_scan WHERE org_id = ?").param(org.value()).update();
    }

    private static Instant instant(OffsetDateTime at) {
        return Objects.isNull(at) ? null : at.toInstant();
    }
}
