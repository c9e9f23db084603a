package org.opencps.reporting.internal.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
 * The {@code reporting_daily} roll-up: usage per organization, dimension, subject and day in the
 * organization's time zone. Listeners add to it; reports read only it.
 */
@Repository
public class RollupStore {

    /** Figures of one subject in one bucket (the index of the period the day falls in). */
    public record Cell(int bucket, UUID subject, UsageFigures figures) {
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
     * Adds to a subject's day, in the caller's transaction. The day's first addition inserts the
     * row; when another transaction inserted it at the same moment, the insert (under a savepoint,
     * so the caller's transaction goes on) fails on the key and the addition updates that row.
     */
    public void add(OrgId org, Dimension dimension, UUID subject, LocalDate day, UsageFigures f) {
        if (update(org, dimension, subject, day, f) > 0) {
            return;
        }
        try {
            savepoint.executeWithoutResult(status -> insert(org, dimension, subject, day, f));
        } catch (DuplicateKeyException insertedMeanwhile) {
            update(org, dimension, subject, day, f);
        }
    }

    private int update(OrgId org, Dimension dimension, UUID subject, LocalDate day, UsageFigures f) {
        return jdbc.sql("""
                        UPDATE reporting_daily SET jobs = jobs + ?, counted_pages = counted_pages + ?,
                        reported_pages = reported_pages + ?, color_pages = color_pages + ?,
                        monochrome_pages = monochrome_pages + ?, simplex_pages = simplex_pages + ?,
                        duplex_pages = duplex_pages + ?, sheets = sheets + ?, scanned_pages = scanned_pages + ?,
                        refused_over_quota = refused_over_quota + ?, refused_by_policy = refused_by_policy + ?
                        WHERE org_id = ? AND dimension = ? AND local_day = ? AND subject_id = ?""")
                .params(f.jobs(), f.countedPages(), f.reportedPages(), f.colorPages(), f.monochromePages(), f.simplexPages(),
                        f.duplexPages(), f.sheets(), f.scannedPages(), f.refusedOverQuota(), f.refusedByPolicy(),
                        org.value(), dimension.name(), day, subject)
                .update();
    }

    private void insert(OrgId org, Dimension dimension, UUID subject, LocalDate day, UsageFigures f) {
        jdbc.sql("""
                            INSERT INTO reporting_daily (org_id, dimension, local_day, subject_id, jobs, counted_pages,
                            reported_pages, color_pages, monochrome_pages, simplex_pages, duplex_pages, sheets, scanned_pages,
                            refused_over_quota, refused_by_policy) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(org.value(), dimension.name(), day, subject, f.jobs(), f.countedPages(), f.reportedPages(),
                            f.colorPages(), f.monochromePages(), f.simplexPages(), f.duplexPages(), f.sheets(),
                            f.scannedPages(), f.refusedOverQuota(), f.refusedByPolicy())
                    .update();
    }

    /**
     * Sums per bucket and subject between the first bucket's start and {@code to} (inclusive).
     * {@code starts} are the buckets' first days in order; a day belongs to the last bucket that
     * starts on or before it. {@code subject} null: every subject.
     */
    public List<Cell> sums(OrgId org, Dimension dimension, UUID subject, List<LocalDate> starts, LocalDate to) {
        StringBuilder bucket = new StringBuilder(starts.size() == 1 ? "0" : "CASE");
        List<Object> params = new ArrayList<>();
        for (int i = starts.size() - 1; i > 0; i--) {
            bucket.append(" WHEN local_day >= ? THEN ").append(i);
            params.add(starts.get(i));
        }
        if (starts.size() > 1) {
            bucket.append(" ELSE 0 END");
        }
        params.add(org.value());
        params.add(dimension.name());
        params.add(starts.get(0));
        params.add(to);
        String onlySubject = "";
        if (subject != null) {
            onlySubject = " AND subject_id = ?";
            params.add(subject);
        }
        return jdbc.sql("SELECT bucket, subject_id, " + SUMS + " FROM (SELECT " + bucket + " AS bucket, d.* FROM reporting_daily d"
                        + " WHERE org_id = ? AND dimension = ? AND local_day >= ? AND local_day <= ?" + onlySubject
                        + ") t GROUP BY bucket, subject_id")
                .params(params)
                .query((rs, i) -> new Cell(rs.getInt(1), rs.getObject(2, UUID.class), figures(rs, 3)))
                .list();
    }

    /** Everything the organization's devices reported printed, by organization (the license report's pages). */
    public long reportedPages(OrgId org) {
        return jdbc.sql("SELECT COALESCE(SUM(reported_pages), 0) FROM reporting_daily WHERE org_id = ? AND dimension = ?")
                .params(org.value(), Dimension.ORGANIZATION.name()).query(Long.class).single();
    }

    public void purge(OrgId org) {
        jdbc.sql("DELETE FROM reporting_daily WHERE org_id = ?").param(org.value()).update();
    }

    static UsageFigures figures(ResultSet rs, int first) throws SQLException {
        return new UsageFigures(rs.getLong(first), rs.getLong(first + 1), rs.getLong(first + 2), rs.getLong(first + 3),
                rs.getLong(first + 4), rs.getLong(first + 5), rs.getLong(first + 6), rs.getLong(first + 7),
                rs.getLong(first + 8), rs.getLong(first + 9), rs.getLong(first + 10));
    }
}
