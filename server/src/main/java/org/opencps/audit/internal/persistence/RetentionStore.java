package org.opencps.audit.internal.persistence;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** How many days each organization keeps its audit records ({@code audit_settings}; 365 without a row). */
@Repository
public class RetentionStore {

    public static final int DEFAULT_DAYS = 365;

    private final JdbcClient jdbc;
    private final Clock clock;

    RetentionStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The organization's retention in days; the records with no organization keep the default. */
    public int retentionDays(UUID org) {
        if (org == null) {
            return DEFAULT_DAYS;
        }
        return jdbc.sql("SELECT retention_days FROM audit_settings WHERE org_id = ?").param(org)
                .query(Integer.class).optional().orElse(DEFAULT_DAYS);
    }

    public Duration retentionOf(UUID org) {
        return Duration.ofDays(retentionDays(org));
    }

    public void setRetentionDays(UUID org, int days, UUID by) {
        int updated = jdbc.sql("UPDATE audit_settings SET retention_days = ?, changed_at = ?, changed_by = ? WHERE org_id = ?")
                .params(days, OffsetDateTime.now(clock), by, org).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO audit_settings (org_id, retention_days, changed_at, changed_by) VALUES (?, ?, ?, ?)")
                    .params(org, days, OffsetDateTime.now(clock), by).update();
        }
    }

}
