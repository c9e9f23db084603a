package org.opencps.printing.internal.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.opencps.platform.ids.OrgId;
import org.opencps.printing.DocumentFormat;
import org.opencps.printing.PrintSettings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code printing_settings} table: one row per organization that changed its defaults. */
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

    public void save(OrgId org, PrintSettings settings) {
        String formats = settings.allowedFormats().equals(EnumSet.allOf(DocumentFormat.class)) ? null
                : settings.allowedFormats().stream().map(Enum::name).collect(Collectors.joining(","));
        int updated = jdbc.sql("UPDATE printing_settings SET hold_jobs = ?, force_monochrome = ?, force_duplex = ?,"
                        + " max_pages_per_job = ?, allowed_formats = ? WHERE org_id = ?")
                .params(settings.holdJobs(), settings.forceMonochrome(), settings.forceDuplex(), settings.maxPagesPerJob(),
                        formats, org.value()).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO printing_settings (org_id, " + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)")
                    .params(org.value(), settings.holdJobs(), settings.forceMonochrome(), settings.forceDuplex(),
                            settings.maxPagesPerJob(), formats).update();
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
