package org.opencps.platform.internal.persistence;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The runs of the periodic jobs, one row per job and period in {@code platform_job_run}. The
 * period is computed from the database's clock, so processes whose clocks disagree still agree on
 * it, and the primary key (job, period start) lets exactly one process claim it.
 */
@Repository
public class JobRunStore {

    /** A claimed run: the period it is for and when it started, both on the database's clock. */
    public record Claim(String job, Instant periodStart, Instant startedAt) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;

    JobRunStore(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = OwnTransaction.of(transactions);
    }

    /** The database's time now. */
    public Instant databaseNow() {
        return jdbc.sql("SELECT CURRENT_TIMESTAMP").query(OffsetDateTime.class).single().toInstant();
    }

    /** The start of the period of length {@code period} that {@code at} falls in, periods aligned to the epoch. */
    public static Instant periodStart(Instant at, Duration period) {
        long millis = period.toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(at.toEpochMilli(), millis) * millis);
    }

    /** Whether some process already claimed the period that the database's clock is in now (a cheap look first). */
    public boolean claimedNow(String job, Duration period) {
        Instant start = periodStart(databaseNow(), period);
        return jdbc.sql("SELECT COUNT(*) FROM platform_job_run WHERE job = ? AND period_start = ?")
                .params(job, utc(start)).query(Integer.class).single() > 0;
    }

    /**
     * Claims the period the database's clock is in now for {@code process}; empty when another
     * process (or this one) already has it. Committed at once, in a transaction of its own.
     */
    public Optional<Claim> claim(String job, Duration period, String process) {
        Instant now = databaseNow();
        Instant start = periodStart(now, period);
        try {
            ownTransaction.executeWithoutResult(status -> jdbc.sql("""
                    INSERT INTO platform_job_run (job, period_start, period_millis, process, started_at)
                    VALUES (?, ?, ?, ?, ?)""").params(job, utc(start), period.toMillis(), process, utc(now)).update());
            return Optional.of(new Claim(job, start, now));
        } catch (DuplicateKeyException taken) {
            return Optional.empty();
        }
    }

    /** Records how a claimed run ended, at the database's time. */
    public void finished(Claim claim, String outcome) {
        jdbc.sql("UPDATE platform_job_run SET finished_at = CURRENT_TIMESTAMP, outcome = ? WHERE job = ? AND period_start = ?")
                .params(outcome, claim.job(), utc(claim.periodStart())).update();
    }

    /** Forgets the runs that started before {@code cutoff}; they are only a record. */
    public int forgetStartedBefore(Instant cutoff) {
        return jdbc.sql("DELETE FROM platform_job_run WHERE started_at < ?").param(utc(cutoff)).update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
