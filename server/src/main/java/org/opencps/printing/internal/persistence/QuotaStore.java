package org.opencps.printing.internal.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;
import org.opencps.printing.JobId;
import org.opencps.printing.PrintQuota;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Quotas ({@code printing_quota}), the pages charged per month against them ({@code
 * printing_quota_usage}, one counter per user or group and month) and what each released job
 * charged ({@code printing_quota_charge}).
 */
@Repository
public class QuotaStore {

    /** A user's or group's counter of one month (period = year * 100 + month). */
    public record Counter(PrintQuota.Scope scope, UUID id, int period) {
    }

    public record Used(int color, int monochrome) {

        public int of(boolean colorPages) {
            return colorPages ? color : monochrome;
        }
    }

    /** What one job charged to one counter. */
    public record Charge(Counter counter, boolean color, int pages) {
    }

    private final JdbcClient jdbc;

    QuotaStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<PrintQuota> find(OrgId org, PrintQuota.Scope scope, UUID id) {
        return jdbc.sql("SELECT * FROM printing_quota WHERE org_id = ? AND scope = ? AND scope_id = ?")
                .params(org.value(), scope.name(), id).query(QuotaStore::quota).optional();
    }

    public List<PrintQuota> list(OrgId org) {
        return jdbc.sql("SELECT * FROM printing_quota WHERE org_id = ? ORDER BY scope DESC, scope_id")
                .param(org.value()).query(QuotaStore::quota).list();
    }

    /** Sets the limits; both null removes the quota. */
    public void save(PrintQuota quota) {
        jdbc.sql("DELETE FROM printing_quota WHERE org_id = ? AND scope = ? AND scope_id = ?")
                .params(quota.orgId().value(), quota.scope().name(), quota.id()).update();
        if (quota.colorPagesPerMonth() != null || quota.monochromePagesPerMonth() != null) {
            jdbc.sql("INSERT INTO printing_quota (org_id, scope, scope_id, color_limit, monochrome_limit) VALUES (?, ?, ?, ?, ?)")
                    .params(quota.orgId().value(), quota.scope().name(), quota.id(), quota.colorPagesPerMonth(),
                            quota.monochromePagesPerMonth()).update();
        }
    }

    public boolean counterExists(OrgId org, Counter counter) {
        return jdbc.sql("SELECT COUNT(*) FROM printing_quota_usage WHERE org_id = ? AND scope = ? AND scope_id = ? AND period = ?")
                .params(org.value(), counter.scope().name(), counter.id(), counter.period()).query(Long.class).single() > 0;
    }

    /** Creates the counter at zero; a concurrent creation makes this fail with a duplicate key. */
    public void createCounter(OrgId org, Counter counter) {
        jdbc.sql("INSERT INTO printing_quota_usage (org_id, scope, scope_id, period, color_used, monochrome_used) VALUES (?, ?, ?, ?, 0, 0)")
                .params(org.value(), counter.scope().name(), counter.id(), counter.period()).update();
    }

    /** The counter, locked until the transaction ends; empty while it does not exist. */
    public Optional<Used> lock(OrgId org, Counter counter) {
        return jdbc.sql("SELECT color_used, monochrome_used FROM printing_quota_usage"
                        + " WHERE org_id = ? AND scope = ? AND scope_id = ? AND period = ? FOR UPDATE")
                .params(org.value(), counter.scope().name(), counter.id(), counter.period())
                .query((rs, i) -> new Used(rs.getInt(1), rs.getInt(2))).optional();
    }

    public Used used(OrgId org, Counter counter) {
        return jdbc.sql("SELECT color_used, monochrome_used FROM printing_quota_usage"
                        + " WHERE org_id = ? AND scope = ? AND scope_id = ? AND period = ?")
                .params(org.value(), counter.scope().name(), counter.id(), counter.period())
                .query((rs, i) -> new Used(rs.getInt(1), rs.getInt(2))).optional().orElse(new Used(0, 0));
    }

    /**
     * Adds the pages unless that takes the counter past {@code limit} (null: no limit); false, and
     * nothing changed, when it would.
     */
    public boolean add(OrgId org, Counter counter, boolean color, int pages, Integer limit) {
        String column = color ? "color_used" : "monochrome_used";
        String sql = "UPDATE printing_quota_usage SET " + column + " = " + column + " + ?"
                + " WHERE org_id = ? AND scope = ? AND scope_id = ? AND period = ?";
        var update = limit == null
                ? jdbc.sql(sql).params(pages, org.value(), counter.scope().name(), counter.id(), counter.period())
                : jdbc.sql(sql + " AND " + column + " + ? <= ?")
                        .params(pages, org.value(), counter.scope().name(), counter.id(), counter.period(), pages, limit);
        return update.update() == 1;
    }

    public void subtract(OrgId org, Counter counter, boolean color, int pages) {
        String column = color ? "color_used" : "monochrome_used";
        jdbc.sql("UPDATE printing_quota_usage SET " + column + " = CASE WHEN " + column + " > ? THEN " + column + " - ? ELSE 0 END"
                        + " WHERE org_id = ? AND scope = ? AND scope_id = ? AND period = ?")
                .params(pages, pages, org.value(), counter.scope().name(), counter.id(), counter.period()).update();
    }

    public void recordCharge(OrgId org, JobId job, Charge charge) {
        jdbc.sql("INSERT INTO printing_quota_charge (org_id, job_id, scope, scope_id, period, color, pages) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(org.value(), job.value(), charge.counter().scope().name(), charge.counter().id(),
                        charge.counter().period(), charge.color(), charge.pages()).update();
    }

    public List<Charge> chargesOf(OrgId org, JobId job) {
        return jdbc.sql("SELECT scope, scope_id, period, color, pages FROM printing_quota_charge WHERE org_id = ? AND job_id = ?")
                .params(org.value(), job.value())
                .query((rs, i) -> new Charge(new Counter(PrintQuota.Scope.valueOf(rs.getString("scope")),
                        rs.getObject("scope_id", UUID.class), rs.getInt("period")), rs.getBoolean("color"), rs.getInt("pages")))
                .list();
    }

    public void forgetCharges(OrgId org, JobId job) {
        jdbc.sql("DELETE FROM printing_quota_charge WHERE org_id = ? AND job_id = ?").params(org.value(), job.value()).update();
    }

    public void purge(OrgId org) {
        for (String table : List.of("printing_quota_charge", "printing_quota_usage", "printing_quota")) {
            jdbc.sql("DELETE FROM " + table + " WHERE org_id = ?").param(org.value()).update();
        }
    }

    private static PrintQuota quota(ResultSet rs, int i) throws SQLException {
        int color = rs.getInt("color_limit");
        Integer colorLimit = rs.wasNull() ? null : color;
        int mono = rs.getInt("monochrome_limit");
        Integer monoLimit = rs.wasNull() ? null : mono;
        return new PrintQuota(new OrgId(rs.getObject("org_id", UUID.class)), PrintQuota.Scope.valueOf(rs.getString("scope")),
                rs.getObject("scope_id", UUID.class), colorLimit, monoLimit);
    }
}
