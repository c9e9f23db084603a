package org.opencps.printing.internal.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.opencps.platform.ids.OrgId;
import org.opencps.printing.DocumentFormat;
import org.opencps.printing.PrintSettings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code printing_settings} table: one row per organization that changed its defaults, with
 * when it last changed them (null for a change from before that was kept).
 */
@Repository
public class PrintSettingsStore {

    private static final String COLUMNS = "hold_jobs, force_monochrome, force_duplex, max_pages_per_job, allowed_formats";

    private final JdbcClient jdbc;

    PrintSettingsStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public PrintSettings find(OrgId org) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM printing_settings WHERE org_id = ?")
                .param(org.value())
                .query(PrintSettingsStore::settings)
                .optional().orElseGet(PrintSettings::defaults);
    }

    /** When the organization last changed its settings; empty when it never did (or not since this was kept). */
    public Optional<Instant> changedAt(OrgId org) {
        return jdbc.sql("SELECT changed_at FROM printing_settings WHERE org_id = ?").param(org.value())
                .query((rs, i) -> Optional.ofNullable(rs.getObject("changed_at", OffsetDateTime.class)))
                .optional().flatMap(changed -> changed.map(OffsetDateTime::toInstant));
    }

    public void save(OrgId org, PrintSettings settings, Instant changedAt) {
        String formats = settings.allowedFormats().equals(EnumSet.allOf(DocumentFormat.class)) ? null
                : settings.allowedFormats().stream().map(Enum::name).collect(Collectors.joining(","));
        OffsetDateTime at = OffsetDateTime.ofInstant(changedAt, ZoneOffset.UTC);
        int updated = jdbc.sql("UPDATE printing_settings SET hold_jobs = ?, force_monochrome = ?, force_duplex = ?,"
                        + " max_pages_per_job = ?, allowed_formats = ?, changed_at = ? WHERE org_id = ?")
                .params(settings.holdJobs(), settings.forceMonochrome(), settings.forceDuplex(), settings.maxPagesPerJob(),
                        formats, at, org.value()).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO printing_settings (org_id, " + COLUMNS + ", changed_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .params(org.value(), settings.holdJobs(), settings.forceMonochrome(), settings.forceDuplex(),
                            settings.maxPagesPerJob(), formats, at).update();
        }
    }

    public void purge(OrgId org) {
        jdbc.sql("DELETE FROM printing_settings WHERE org_id = ?").param(org.value()).update();
    }

    private static PrintSettings settings(ResultSet rs, int i) throws SQLException {
        int max = rs.getInt("max_pages_per_job");
        Integer maxPages = rs.wasNull() ? null : max;
        String formats = rs.getString("allowed_formats");
        Set<DocumentFormat> allowed = formats == null ? null
                : Arrays.stream(formats.split(",")).map(DocumentFormat::valueOf).collect(Collectors.toSet());
        return new PrintSettings(rs.getBoolean("hold_jobs"), rs.getBoolean("force_monochrome"), rs.getBoolean("force_duplex"),
                maxPages, allowed);
    }
}
