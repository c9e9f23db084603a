package org.opencps.scanning.internal.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.opencps.platform.ids.OrgId;
import org.opencps.scanning.DestinationKind;
import org.opencps.scanning.ScanSettings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code scanning_settings} table: a row per organization that changed the defaults. */
@Repository
public class ScanSettingsStore {

    private final JdbcClient jdbc;

    ScanSettingsStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public ScanSettings find(OrgId org) {
        return jdbc.sql("SELECT allowed_kinds, direct_email_allowed, retention_hours, max_scan_bytes, attachment_limit_bytes,"
                        + " box_direct FROM scanning_settings WHERE org_id = ?")
                .param(org.value())
                .query((rs, i) -> new ScanSettings(kinds(rs.getString("allowed_kinds")), rs.getBoolean("direct_email_allowed"),
                        rs.getInt("retention_hours"), rs.getLong("max_scan_bytes"), rs.getLong("attachment_limit_bytes"),
                        rs.getBoolean("box_direct")))
                .optional().orElseGet(ScanSettings::defaults);
    }

    public void save(OrgId org, ScanSettings settings, Instant at) {
        String kinds = settings.allowedKinds().stream().sorted().map(Enum::name).collect(Collectors.joining(","));
        OffsetDateTime changed = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
        int updated = jdbc.sql("UPDATE scanning_settings SET allowed_kinds = ?, direct_email_allowed = ?, retention_hours = ?,"
                        + " max_scan_bytes = ?, attachment_limit_bytes = ?, box_direct = ?, changed_at = ? WHERE org_id = ?")
                .params(kinds, settings.directEmailAllowed(), settings.retentionHours(), settings.maxScanBytes(),
                        settings.attachmentLimitBytes(), settings.boxDirect(), changed, org.value())
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO scanning_settings (org_id, allowed_kinds, direct_email_allowed, retention_hours, max_scan_bytes,"
                            + " attachment_limit_bytes, box_direct, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(org.value(), kinds, settings.directEmailAllowed(), settings.retentionHours(), settings.maxScanBytes(),
                            settings.attachmentLimitBytes(), settings.boxDirect(), changed)
                    .update();
        }
    }

    public void purge(OrgId org) {
        jdbc.sql("DELETE FROM scanning_settings WHERE org_id = ?").param(org.value()).update();
    }

    private static java.util.Set<DestinationKind> kinds(String text) {
        return text.isEmpty() ? java.util.Set.of()
                : Arrays.stream(text.split(",")).map(DestinationKind::valueOf).collect(Collectors.toSet());
    }
}
