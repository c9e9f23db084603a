package org.opencps.printing.internal.persistence;

import org.opencps.platform.ids.OrgId;
import org.opencps.printing.PrintSettings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class PrintSettingsStore {

    private final JdbcClient jdbc;

    PrintSettingsStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public PrintSettings find(OrgId org) {
        return jdbc.sql("SELECT hold_jobs FROM printing_settings WHERE org_id = ?")
                .param(org.value())
                .query((rs, i) -> new PrintSettings(rs.getBoolean(1)))
                .optional().orElseGet(PrintSettings::defaults);
    }

    public void save(OrgId org, PrintSettings settings) {
        int updated = jdbc.sql("UPDATE printing_settings SET hold_jobs = ? WHERE org_id = ?")
                .params(settings.holdJobs(), org.value()).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO printing_settings (org_id, hold_jobs) VALUES (?, ?)")
                    .params(org.value(), settings.holdJobs()).update();
        }
    }

    public void purge(OrgId org) {
        jdbc.sql("DELETE FROM printing_settings WHERE org_id = ?").param(org.value()).update();
    }
}
