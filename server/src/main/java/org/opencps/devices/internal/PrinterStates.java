package org.opencps.devices.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.opencps.devices.DeviceStatus;
import org.opencps.devices.PrinterStateReport;
import org.opencps.devices.internal.persistence.HeartbeatStore;
import org.opencps.platform.errors.InvalidInputException;

/**
 * How a printer's IPP state becomes a device status, by RFC 8011 §5.4.12: a reason ending in
 * "-report" is news, in "-warning" a warning, and in "-error" or in no suffix at all an error.
 * The edge agent reads its printers the same way.
 */
public final class PrinterStates {

    private static final String NONE = "none";

    private PrinterStates() {
    }

    /** The reasons to keep: checked, without "none" and repeats; a refusal names {@code stateReasons}. */
    public static List<String> reasons(List<String> reported) {
        if (reported.size() > PrinterStateReport.MAX_REASONS) {
            throw new InvalidInputException("stateReasons", "problem.heartbeat.tooManyReasons",
                    "at most " + PrinterStateReport.MAX_REASONS + " state reasons", PrinterStateReport.MAX_REASONS);
        }
        Set<String> kept = new LinkedHashSet<>();
        for (String reason : reported) {
            if (!PrinterStateReport.isReason(reason)) {
                throw new InvalidInputException("stateReasons", "problem.heartbeat.reason", "a state reason is an IPP keyword of at most "
                        + PrinterStateReport.MAX_REASON_LENGTH + " characters (a-z, 0-9, '-', '_', '.')", PrinterStateReport.MAX_REASON_LENGTH);
            }
            if (!reason.equals(NONE)) {
                kept.add(reason);
            }
        }
        return List.copyOf(kept);
    }

    public static DeviceStatus.Status statusOf(PrinterStateReport.State state, List<String> reasons) {
        List<String> problems = reasons.stream().filter(reason -> !reason.endsWith("-report")).toList();
        if (state == PrinterStateReport.State.STOPPED || problems.stream().anyMatch(reason -> !reason.endsWith("-warning"))) {
            return DeviceStatus.Status.ERROR;
        }
        if (!problems.isEmpty()) {
            return DeviceStatus.Status.WARNING;
        }
        return state == PrinterStateReport.State.PROCESSING ? DeviceStatus.Status.PRINTING : DeviceStatus.Status.IDLE;
    }

    /** The printer state behind a stored status: as a proxy reported it, or as a heartbeat's status stands for it. */
    public static PrinterStateReport.State stateBefore(HeartbeatStore.Reported stored) {
        if (stored.printerState() != null) {
            return stored.printerState();
        }
        return stored.status().status() == DeviceStatus.Status.PRINTING ? PrinterStateReport.State.PROCESSING
                : PrinterStateReport.State.IDLE;
    }
}
