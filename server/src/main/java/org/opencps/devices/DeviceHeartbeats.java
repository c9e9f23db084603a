package org.opencps.devices;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.opencps.devices.internal.DeviceFields;
import org.opencps.devices.internal.PrinterStates;
import org.opencps.devices.internal.persistence.DevicesOrgStore;
import org.opencps.devices.internal.persistence.HeartbeatStore;
import org.opencps.platform.errors.ForbiddenException;
import org.opencps.platform.errors.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A device's status: from its heartbeats (status, page counters and security settings), or for a
 * printer behind an IPP INFRA proxy, from what the proxy reports of its state. The latest is kept
 * per device (its time is the device's last-seen time); a heartbeat's answer holds the
 * organization's security baseline and the device's drift from it.
 */
@Service
public class DeviceHeartbeats {

    private static final String MESSAGE = "statusMessage";

    private final HeartbeatStore heartbeats;
    private final DevicesOrgStore orgRows;
    private final DeviceReleases releases;
    private final Clock clock;

    DeviceHeartbeats(HeartbeatStore heartbeats, DevicesOrgStore orgRows, DeviceReleases releases, Clock clock) {
        this.heartbeats = heartbeats;
        this.orgRows = orgRows;
        this.releases = releases;
        this.clock = clock;
    }

    /** {@code device}: the device the caller's credential acts as (see {@link DeviceRegistrations#actAs}). */
    @Transactional
    public HeartbeatAnswer record(DevicePrincipal device, Heartbeat heartbeat) {
        if (heartbeat.status() == null) {
            throw new InvalidInputException("status", "problem.heartbeat.status", "status is IDLE, PRINTING, WARNING or ERROR");
        }
        var counters = heartbeat.counters() == null ? DeviceStatus.Counters.NONE : heartbeat.counters();
        requireNotNegative("counters.totalPages", counters.totalPages());
        requireNotNegative("counters.colorPages", counters.colorPages());
        requireNotNegative("counters.monochromePages", counters.monochromePages());
        var security = heartbeat.security() == null ? SecuritySettings.NOTHING : heartbeat.security();
        var status = new DeviceStatus(heartbeat.status(), DeviceFields.optionalText(MESSAGE, heartbeat.statusMessage(),
                DeviceStatus.MAX_MESSAGE_LENGTH), null, counters, security, clock.instant());
        heartbeats.lock(device.orgId(), device.deviceId());
        heartbeats.save(device.orgId(), device.deviceId(), status);
        SecuritySettings baseline = orgRows.baseline(device.orgId());
        return new HeartbeatAnswer(baseline, baseline.driftOf(security), releases.waitingCount(device));
    }

    /**
     * What a printer's IPP INFRA proxy says of its state (Update-Output-Device-Attributes), merged
     * into its status: what the report leaves out stays as reported before, and the page counters
     * and security settings of its last heartbeat stay. {@code printer}: a printer the proxy's
     * credential stands for (see {@link DeviceRegistrations#printersOf}).
     */
    @Transactional
    public DeviceStatus recordPrinterState(DevicePrincipal printer, PrinterStateReport report) {
        if (printer.kind() != DeviceKind.PRINTER) {
            throw new ForbiddenException("problem.heartbeat.onlyPrinterReports", "only a printer reports a printer state");
        }
        heartbeats.lock(printer.orgId(), printer.deviceId());
        Optional<HeartbeatStore.Reported> before = heartbeats.findReported(printer.orgId(), printer.deviceId());
        DeviceStatus last = before.map(HeartbeatStore.Reported::status).orElse(null);
        PrinterStateReport.State state = Optional.ofNullable(report.state())
                .or(() -> before.map(PrinterStates::stateBefore)).orElse(PrinterStateReport.State.IDLE);
        List<String> reasons = report.reasons() != null ? PrinterStates.reasons(report.reasons())
                : last == null ? List.of() : last.stateReasons();
        String message = report.message() != null ? DeviceFields.optionalText(MESSAGE, report.message(), DeviceStatus.MAX_MESSAGE_LENGTH)
                : last == null ? null : last.statusMessage();
        var status = new DeviceStatus(PrinterStates.statusOf(state, reasons), message, reasons,
                last == null ? DeviceStatus.Counters.NONE : last.counters(),
                last == null ? SecuritySettings.NOTHING : last.security(), clock.instant());
        heartbeats.save(printer.orgId(), printer.deviceId(), new HeartbeatStore.Reported(status, state));
        return status;
    }

    /**
     * The printer's state as its IPP INFRA proxy reported it last (merged as {@link #recordPrinterState}
     * merges), every field set: the reasons without "none", the message null when there is none.
     * After a heartbeat it is what the heartbeat stands for (processing if it said PRINTING, else
     * idle, with its message and no reasons). Empty before the first report. {@code printer}: a
     * printer the proxy's credential stands for (see {@link DeviceRegistrations#printersOf}).
     */
    @Transactional(readOnly = true)
    public Optional<PrinterStateReport> lastPrinterState(DevicePrincipal printer) {
        if (printer.kind() != DeviceKind.PRINTER) {
            throw new ForbiddenException("problem.heartbeat.onlyPrinterHas", "only a printer has a printer state");
        }
        return heartbeats.findReported(printer.orgId(), printer.deviceId()).map(reported -> new PrinterStateReport(
                PrinterStates.stateBefore(reported), reported.status().stateReasons(), reported.status().statusMessage()));
    }

    private static void requireNotNegative(String field, Long value) {
        if (value != null && value < 0) {
            throw new InvalidInputException(field, "problem.heartbeat.counter", "a page counter is not negative");
        }
    }
}
