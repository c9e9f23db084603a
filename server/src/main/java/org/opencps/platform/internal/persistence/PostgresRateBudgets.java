package org.opencps.platform.internal.persistence;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import org.opencps.platform.internal.cluster.RateBudgets;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Token buckets as rows of {@code platform_rate_budget}, so every server process on the database
 * draws on the same budget. A take or a charge locks its row for one short transaction of its own:
 * a charge made while a caller's transaction fails and rolls back (a refused registration) still
 * counts. Refill is computed from the row's last change on the injected clock. Rows are keyed by a
 * SHA-256 of the key, which holds source and e-mail addresses.
 */
final class PostgresRateBudgets implements RateBudgets {

    private record Row(double tokens, int capacity, long refillMillis, long updatedMillis) {

        double tokensAt(long nowMillis) {
            long elapsed = Math.max(0, nowMillis - updatedMillis);
            return Math.min(capacity, tokens + (double) elapsed * capacity / refillMillis);
        }

        /** Whole milliseconds, rounded up; the tolerance keeps a wait of exactly 1000 ms from becoming 1000.0000001. */
        long nanosUntil(double wanted, double have) {
            long millis = (long) Math.ceil((wanted - have) * refillMillis / capacity - 1e-6);
            return Math.max(0, millis) * 1_000_000L;
        }
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    PostgresRateBudgets(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.ownTransaction = OwnTransaction.of(transactions);
        this.clock = clock;
    }

    @Override
    public Level take(String name, int capacity, Duration refillPeriod) {
        String key = rowKey(name);
        return ownTransaction.execute(status -> {
            long now = clock.millis();
            Row row = locked(key, capacity, refillPeriod, now);
            double tokens = row.tokensAt(now);
            if (tokens < 1) {
                return new Level(false, row.nanosUntil(1, tokens), false);
            }
            save(key, row, tokens - 1, now);
            return new Level(true, 0, tokens >= capacity);
        });
    }

    @Override
    public Level peek(String name) {
        String key = rowKey(name);
        long now = clock.millis();
        Optional<Row> found = jdbc.sql("SELECT tokens, capacity, refill_millis, updated_millis FROM platform_rate_budget WHERE budget_key = ?")
                .param(key).query(Row.class).optional();
        if (found.isEmpty()) {
            return Level.UNTOUCHED;
        }
        Row row = found.get();
        double tokens = row.tokensAt(now);
        if (tokens < 1) {
            return new Level(false, row.nanosUntil(1, tokens), false);
        }
        return new Level(true, 0, tokens >= row.capacity());
    }

    @Override
    public void charge(String name, int capacity, Duration refillPeriod) {
        String key = rowKey(name);
        ownTransaction.executeWithoutResult(status -> {
            long now = clock.millis();
            Row row = locked(key, capacity, refillPeriod, now);
            save(key, row, row.tokensAt(now) - 1, now);
        });
    }

    /** Forgets the buckets that are full again: for them, no row and a full row mean the same. */
    int forgetRested() {
        return jdbc.sql("DELETE FROM platform_rate_budget WHERE rested_millis <= ?").param(clock.millis()).update();
    }

    /** The bucket's row, made full if it had none, locked until this transaction ends; its size as asked now. */
    private Row locked(String key, int capacity, Duration refillPeriod, long now) {
        long refillMillis = Math.max(1, refillPeriod.toMillis());
        jdbc.sql("""
                INSERT INTO platform_rate_budget (budget_key, tokens, capacity, refill_millis, updated_millis, rested_millis)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (budget_key) DO NOTHING""")
                .params(key, (double) capacity, capacity, refillMillis, now, now).update();
        Row row = jdbc.sql("SELECT tokens, capacity, refill_millis, updated_millis FROM platform_rate_budget WHERE budget_key = ? FOR UPDATE")
                .param(key).query(Row.class).single();
        return new Row(Math.min(row.tokens(), capacity), capacity, refillMillis, row.updatedMillis());
    }

    private void save(String key, Row row, double tokens, long now) {
        long restedMillis = now + (long) Math.ceil(Math.max(0, row.capacity() - tokens) * row.refillMillis() / row.capacity());
        jdbc.sql("UPDATE platform_rate_budget SET tokens = ?, capacity = ?, refill_millis = ?, updated_millis = ?, rested_millis = ? WHERE budget_key = ?")
                .params(tokens, row.capacity(), row.refillMillis(), now, restedMillis, key).update();
    }

    private static String rowKey(String name) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
