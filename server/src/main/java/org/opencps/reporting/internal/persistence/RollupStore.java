package org.opencps.reporting.internal.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;
import org.opencps.reporting.UsageFigures;
import org.opencps.reporting.UsageReportRequest.Dimension;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The roll-ups: usage per organization, dimension, subject and day ({@code reporting_daily}) and
 * calendar month ({@code reporting_monthly}) in the organization's time zone. Listeners add to both
 * at once; reports read only them.
 */
@Repository
public class RollupStore {

    /** Figures of one subject in one bucket (the index of the period the day falls in). */
    public record Cell(int bucket, UUID subject, UsageFigures figures) {
    }

    /** The two roll-ups: the same figures per day, and per calendar month (keyed by its first day). */
    private enum Grain {
        DAY("reporting_daily", "local_day"), MONTH("reporting_monthly", "local_month");

        final String table;
        final String day;

        Grain(String table, String day) {
            this.table = table;
            this.day = day;
        }
    }

    private record Key(int bucket, UUID subject) {
    }

    private static final String SUMS = """
            SUM(jobs), SUM(counted_pages), SUM(reported_pages), SUM(color_pages), SUM(monochrome_pages),
            SUM(simplex_pages), SUM(duplex_pages), SUM(sheets), SUM(scanned_pages), SUM(refused_over_quota),
            SUM(refused_by_policy)""";

    private final JdbcClient jdbc;
    private final TransactionTemplate savepoint;

    RollupStore(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /**
     * Adds to a subject's day and to its month, in the caller's transaction (see {@link #addTo}).
     */
    public void add(OrgId org, Dimension dimension, UUID subject, LocalDate day, UsageFigures f) {
        addTo(Grain.DAY, org, dimension, subject, day, f);
        addTo(Grain.MONTH, org, dimension, subject, day.withDayOfMonth(1), f);
    }

    /**
     * An upsert that H2 and PostgreSQL both run: the row's first addition inserts it; when another
     * transaction inserted it at the same moment, the insert (under a savepoint, so the caller's
     * transaction goes on) fails on the key and the addition updates that row, which is then
     * committed and visible to the update's new statement.
     */
    private void addTo(Grain grain, OrgId org, Dimension dimension, UUID subject, LocalDate day, UsageFigures f) {
        if (update(grain, org, dimension, subject, day, f) > 0) {
            return;
        }
        try {
            savepoint.executeWithoutResult(status -> insert(grain, org, dimension, subject, day, f));
        } catch (DuplicateKeyException insertedMeanwhile) {
            update(grain, org, dimension, subject, day, f);
        }
    }

    private int update(Grain grain, OrgId org, Dimension dimension, UUID subject, LocalDate day, UsageFigures f) {
        return jdbc.sql("UPDATE " + grain.table + """
                         SET jobs = jobs + ?, counted_pages = counted_pages + ?,
                        reported_pages = reported_pages + ?, color_pages = color_pages + ?,
                        monochrome_pages = monochrome_pages + ?, simplex_pages = simplex_pages + ?,
                        duplex_pages = duplex_pages + ?, sheets = sheets + ?, scanned_pages = scanned_pages + ?,
                        refused_over_quota = refused_over_quota + ?, refused_by_policy = refused_by_policy + ?
                        WHERE org_id = ? AND dimension = ? AND subject_id = ? AND\s""" + grain.day + " = ?")
                .params(f.jobs(), f.countedPages(), f.reportedPages(), f.colorPages(), f.monochromePages(), f.simplexPages(),
                        f.duplexPages(), f.sheets(), f.scannedPages(), f.refusedOverQuota(), f.refusedByPolicy(),
                        org.value(), dimension.name(), subject, day)
                .update();
    }

    private void insert(Grain grain, OrgId org, Dimension dimension, UUID subject, LocalDate day, UsageFigures f) {
        jdbc.sql("INSERT INTO " + grain.table + " (org_id, dimension, " + grain.day + """
                        , subject_id, jobs, counted_pages,
                        reported_pages, color_pages, monochrome_pages, simplex_pages, duplex_pages, sheets, scanned_pages,
                        refused_over_quota, refused_by_policy) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(org.value(), dimension.name(), day, subject, f.jobs(), f.countedPages(), f.reportedPages(),
                        f.colorPages(), f.monochromePages(), f.simplexPages(),
                        f.duplexPages(), f.sheets(), f.scannedPages(), f.refusedOverQuota(), f.refusedByPolicy())
                .update();
    }

    /**
     * Sums per period and subject between the first period's start and {@code to} (inclusive).
     * {@code starts} are the periods' first days in order; a day belongs to the last period that
     * starts on or before it. {@code subject} null: every subject. Whole months inside one period
     * are read from the monthly roll-up, the other days from the daily one ({@link RollupRanges}).
     */
    public List<Cell> sums(OrgId org, Dimension dimension, UUID subject, List<LocalDate> starts, LocalDate to) {
        Map<Key, UsageFigures> sums = new LinkedHashMap<>();
        for (RollupRanges.Range range : RollupRanges.of(starts, to)) {
            for (Cell cell : sums(range.months() ? Grain.MONTH : Grain.DAY, org, dimension, subject, starts, range)) {
                sums.merge(new Key(cell.bucket(), cell.subject()), cell.figures(), UsageFigures::plus);
            }
        }
        return sums.entrySet().stream().map(e -> new Cell(e.getKey().bucket(), e.getKey().subject(), e.getValue())).toList();
    }

    private List<Cell> sums(Grain grain, OrgId org, Dimension dimension, UUID subject, List<LocalDate> starts,
                            RollupRanges.Range range) {
        // the period of the range's first day, and a WHEN for each period that starts inside the range
        int first = 0;
        while (first + 1 < starts.size() && !starts.get(first + 1).isAfter(range.from())) {
            first++;
        }
        StringBuilder bucket = new StringBuilder();
        List<Object> params = new ArrayList<>();
        for (int i = starts.size() - 1; i > first; i--) {
            if (!starts.get(i).isAfter(range.to())) {
                bucket.append(" WHEN ").append(grain.day).append(" >= ? THEN ").append(i);
                params.add(starts.get(i));
            }
        }
        String bucketOf = bucket.isEmpty() ? String.valueOf(first) : "CASE" + bucket + " ELSE " + first + " END";
        params.add(org.value());
        params.add(dimension.name());
        params.add(range.from());
        params.add(range.to());
        String onlySubject = "";
        if (subject != null) {
            onlySubject = " AND subject_id = ?";
            params.add(subject);
        }
        return jdbc.sql("SELECT bucket, subject_id, " + SUMS + " FROM (SELECT " + bucketOf + " AS bucket, d.* FROM " + grain.table
                        + " d WHERE org_id = ? AND dimension = ? AND " + grain.day + " >= ? AND " + grain.day + " <= ?" + onlySubject
                        + ") t GROUP BY bucket, subject_id")
                .params(params)
                .query((rs, i) -> new Cell(rs.getInt(1), rs.getObject(2, UUID.class), figures(rs, 3)))
                .list();
    }

    /** Everything the organization's devices reported printed, by organization (the license report's pages). */
    public long reportedPages(OrgId org) {
        return jdbc.sql("SELECT COALESCE(SUM(reported_pages), 0) FROM reporting_monthly WHERE org_id = ? AND dimension = ?")
                .params(org.value(), Dimension.ORGANIZATION.name()).query(Long.class).single();
    }

    public void purge(OrgId org) {
        jdbc.sql("DELETE FROM reporting_daily WHERE org_id = ?").param(org.value()).update();
        jdbc.sql("DELETE FROM reporting_monthly WHERE org_id = ?").param(org.value()).update();
    }

    static UsageFigures figures(ResultSet rs, int first) throws SQLException {
        return new UsageFigures(rs.getLong(first), rs.getLong(first + 1), rs.getLong(first + 2), rs.getLong(first + 3),
                rs.getLong(first + 4), rs.getLong(first + 5), rs.getLong(first + 6), rs.getLong(first + 7),
                rs.getLong(first + 8), rs.getLong(first + 9), rs.getLong(first + 10));
    }
}
