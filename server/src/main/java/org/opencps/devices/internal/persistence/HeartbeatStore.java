package org.opencps.devices.internal.persistence;

import static org.opencps.devices.internal.persistence.Rows.at;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opencps.devices.DeviceStatus;
import org.opencps.devices.PrinterStateReport;
import org.opencps.devices.SecuritySettings;
import org.opencps.platform.ids.DeviceId;
import org.opencps.platform.ids.OrgId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The latest status of each device, from its heartbeat or its IPP INFRA proxy; a new one replaces
 * it. {@code printerState} is the IPP printer-state a proxy reported with it (null after a heartbeat).
 */
@Repository
public class HeartbeatStore {

    /** A stored status with the IPP printer state behind it, if a proxy reported one. */
    public record Reported(DeviceStatus status, PrinterStateReport.State printerState) {
    }

    private final JdbcClient jdbc;

    HeartbeatStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Locks the device's row until the transaction ends, so that reports of its status (heartbeats,
     * INFRA updates merged into the last one) are written one at a time, and the first is inserted once.
     */
    public void lock(OrgId org, DeviceId device) {
        jdbc.sql("SELECT id FROM devices_device WHERE org_id = ? AND id = ? FOR UPDATE").params(org.value(), device.value())
                .query().listOfRows();
    }

    public void save(OrgId org, DeviceId device, DeviceStatus status) {
        save(org, device, new Reported(status, null));
    }

    public void save(OrgId org, DeviceId device, Reported reported) {
        var status = reported.status();
        var counters = status.counters();
        var security = status.security();
        Object[] values = {at(status.reportedAt()), status.status().name(), status.statusMessage(),
                reported.printerState() == null ? null : reported.printerState().name(),
                status.stateReasons().isEmpty() ? null : String.join(",", status.stateReasons()), counters.totalPages(),
                counters.colorPages(), counters.monochromePages(), security.adminPasswordChanged(),
                security.storageEncryption(), security.dataOverwrite(), security.firmwareVerification(), security.tlsOnly(),
                org.value(), device.value()};
        int updated = jdbc.sql("""
                        UPDATE devices_heartbeat SET received_at = ?, status = ?, status_message = ?, printer_state = ?,
                          state_reasons = ?, total_pages = ?, color_pages = ?, monochrome_pages = ?, admin_password_changed = ?,
                          storage_encryption = ?, data_overwrite = ?, firmware_verification = ?, tls_only = ?
                        WHERE org_id = ? AND device_id = ?""")
                .params(values).update();
        if (updated == 0) {
            jdbc.sql("""
                            INSERT INTO devices_heartbeat (received_at, status, status_message, printer_state, state_reasons,
                              total_pages, color_pages, monochrome_pages, admin_password_changed, storage_encryption,
                              data_overwrite, firmware_verification, tls_only, org_id, device_id)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(values).update();
        }
    }

    public Optional<DeviceStatus> find(OrgId org, DeviceId device) {
        return findReported(org, device).map(Reported::status);
    }

    public Optional<Reported> findReported(OrgId org, DeviceId device) {
        return jdbc.sql("SELECT * FROM devices_heartbeat WHERE org_id = ? AND device_id = ?")
                .params(org.value(), device.value()).query(HeartbeatStore::reported).optional();
    }

    public Map<DeviceId, DeviceStatus> all(OrgId org) {
        Map<DeviceId, DeviceStatus> result = new HashMap<>();
        jdbc.sql("SELECT * FROM devices_heartbeat WHERE org_id = ?").param(org.value())
                .query(rs -> {
                    result.put(Rows.deviceId(rs, "device_id"), status(rs));
                });
        return result;
    }

    public void delete(OrgId org, DeviceId device) {
        jdbc.sql("DELETE FROM devices_heartbeat WHERE org_id = ? AND device_id = ?").params(org.value(), device.value()).update();
    }

    public void purge(OrgId org) {
        jdbc.sql("DELETE FROM devices_heartbeat WHERE org_id = ?").param(org.value()).update();
    }

    private static Reported reported(ResultSet rs, int n) throws SQLException {
        String printerState = rs.getString("printer_state");
        return new Reported(status(rs), printerState == null ? null : PrinterStateReport.State.valueOf(printerState));
    }

    private static DeviceStatus status(ResultSet rs) throws SQLException {
        var counters = new DeviceStatus.Counters(Rows.number(rs, "total_pages"), Rows.number(rs, "color_pages"),
                Rows.number(rs, "monochrome_pages"));
        var security = new SecuritySettings(Rows.bool(rs, "admin_password_changed"), Rows.bool(rs, "storage_encryption"),
                Rows.bool(rs, "data_overwrite"), Rows.bool(rs, "firmware_verification"), Rows.bool(rs, "tls_only"));
        String reasons = rs.getString("state_reasons");
        return new DeviceStatus(DeviceStatus.Status.valueOf(rs.getString("status")), rs.getString("status_message"),
                reasons == null ? List.of() : Arrays.asList(reasons.split(",")), counters, security, Rows.instant(rs, "received_at"));
    }
}
