package org.opencps.ipp.internal.infra;

import static org.opencps.ipp.internal.protocol.PrinterAttributes.upTime;

import com.hp.jipp.encoding.Attribute;
import com.hp.jipp.encoding.IntOrIntRange;
import com.hp.jipp.encoding.IppPacket;
import com.hp.jipp.encoding.Tag;
import com.hp.jipp.model.PrinterState;
import com.hp.jipp.model.Status;
import com.hp.jipp.model.Types;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import kotlin.ranges.IntRange;
import org.opencps.devices.DeviceHeartbeats;
import org.opencps.devices.PrinterStateReport;
import org.opencps.ipp.internal.protocol.IppRequest;
import org.opencps.ipp.internal.protocol.IppResponses;
import org.opencps.ipp.internal.protocol.RequestAttributes;
import org.opencps.ipp.internal.protocol.RequestedAttributes;
import org.opencps.platform.ids.DeviceId;
import org.springframework.stereotype.Component;

/**
 * The Infrastructure Printer itself: what it supports and the state its output device reported
 * (Get-Printer-Attributes), and what the output device says about itself
 * (Update-Output-Device-Attributes): its state feeds the device's status in the portal and API,
 * and everything it sent is kept in memory for Get-Output-Device-Attributes (after a restart,
 * what was sent since).
 */
@Component
class InfraPrinterOperations {

    /** The operations of PWG 5100.18 an Infrastructure Printer answers, with the subscription and document ones. */
    static final List<Integer> OPERATIONS = List.of(0x0009, 0x000A, 0x000B, 0x0015, 0x0016, 0x0018, 0x0019, 0x001A,
            0x001B, 0x001C, 0x0034, 0x0035, 0x003F, 0x0040, 0x0041, 0x0042, 0x0043, 0x0044, 0x0045, 0x0046, 0x0047,
            0x0048, 0x0049);
    private static final List<String> FORMATS = List.of("application/pdf", "image/jpeg", "image/pwg-raster", "image/urf");
    private static final int MAX_DEVICE_ATTRIBUTES = 500;

    private final InfraJobs jobs;
    private final InfraSubscriptions subscriptions;
    private final DeviceHeartbeats heartbeats;
    private final Clock clock;
    private final Map<DeviceId, List<Attribute<?>>> deviceAttributes = new ConcurrentHashMap<>();

    InfraPrinterOperations(InfraJobs jobs, InfraSubscriptions subscriptions, DeviceHeartbeats heartbeats, Clock clock) {
        this.jobs = jobs;
        this.heartbeats = heartbeats;
        this.subscriptions = subscriptions;
        this.clock = clock;
    }

    IppPacket getPrinterAttributes(InfraContext context, IppRequest request) {
        List<String> requested = new RequestAttributes(request.operationAttributes()).all(Types.requestedAttributes);
        var wanted = RequestedAttributes.of(requested);
        long fetchable = jobs.released(context.device()).stream().filter(InfraJobs.InfraJob::fetchable).count();
        int maxLease = (int) InfraSubscriptions.MAX_LEASE.toSeconds();
        List<Attribute<?>> all = new ArrayList<>(List.of(
                Types.printerUriSupported.of(context.printerUri()),
                Types.uriSecuritySupported.of(context.secure() ? "tls" : "none"),
                Types.uriAuthenticationSupported.of("basic"),
                Types.printerName.of(context.device().name()),
                Types.printerInfo.of("OpenCPS release queue of " + context.device().name()),
                Types.printerMakeAndModel.of("OpenCPS Infrastructure Printer"),
                Types.printerUuid.of(URI.create("urn:uuid:" + context.device().id())),
                Types.printerIsAcceptingJobs.of(false),
                Types.printerUpTime.of(upTime(clock.instant())),
                Types.queuedJobCount.of((int) fetchable),
                Types.ippVersionsSupported.of("1.1", "2.0"),
                Types.operationsSupported.of(OPERATIONS.stream().map(com.hp.jipp.model.Operation.Companion::get).toList()),
                Types.charsetConfigured.of("utf-8"),
                Types.charsetSupported.of("utf-8"),
                Types.naturalLanguageConfigured.of("en"),
                Types.generatedNaturalLanguageSupported.of("en"),
                Types.documentFormatDefault.of("application/pdf"),
                Types.documentFormatSupported.of(FORMATS),
                Types.compressionSupported.of("none"),
                Types.pdlOverrideSupported.of("attempted"),
                Types.jobIdsSupported.of(true),
                Types.whichJobsSupported.of("fetchable", "not-completed", "completed", "all"),
                Types.notifyEventsSupported.of(InfraSubscriptions.EVENTS),
                Types.notifyEventsDefault.of("job-fetchable"),
                Types.notifyPullMethodSupported.of("ippget"),
                Types.notifyLeaseDurationDefault.of(maxLease),
                Types.notifyLeaseDurationSupported.of(new IntOrIntRange(new IntRange(0, maxLease))),
                Types.notifyMaxEventsSupported.of(InfraNotifications.KEPT_EVENTS)));
        all.addAll(state(context.device()));
        return IppResponses.response(request, Status.successfulOk, null)
                .putPrinterAttributes(all.stream()
                        .filter(a -> wanted.wants(a.getName(), RequestedAttributes.Group.PRINTER_DESCRIPTION)).toList())
                .build();
    }

    /**
     * The printer's state as its proxy reported it last (Update-Output-Device-Attributes, kept in
     * the device's status): idle with no reasons before the first report.
     */
    private List<Attribute<?>> state(OutputDevice device) {
        PrinterStateReport report = heartbeats.lastPrinterState(device.principal())
                .orElse(new PrinterStateReport(PrinterStateReport.State.IDLE, List.of(), null));
        List<Attribute<?>> state = new ArrayList<>(List.of(
                Types.printerState.of(switch (report.state()) {
                    case IDLE -> PrinterState.idle;
                    case PROCESSING -> PrinterState.processing;
                    case STOPPED -> PrinterState.stopped;
                }),
                Types.printerStateReasons.of(report.reasons().isEmpty() ? List.of("none") : report.reasons())));
        if (report.message() != null) {
            state.add(Types.printerStateMessage.of(report.message()));
        }
        return state;
    }

    /** Nothing of the Infrastructure Printer can be set through IPP: its settings live in OpenCPS. */
    IppPacket getPrinterSupportedValues(InfraContext context, IppRequest request) {
        return IppResponses.response(request, Status.successfulOk, null).build();
    }

    /**
     * The proxy says what its printer says of itself; a proxy sends only what changed, so each
     * update is merged into what it sent before. The state, its reasons and its message become the
     * device's status (as a heartbeat's would), kept in the database; any update, even one without
     * them, is a sign of life and moves the device's last-seen time. The rest is kept only in memory.
     */
    IppPacket updateOutputDeviceAttributes(InfraContext context, IppRequest request) {
        var update = OutputDeviceUpdate.read(request.packet().get(Tag.printerAttributes));
        heartbeats.recordPrinterState(context.device().principal(), update.report());
        deviceAttributes.merge(context.device().id(), update.kept(), InfraPrinterOperations::merged);
        if (update.unsupported().isEmpty()) {
            return IppResponses.response(request, Status.successfulOk, null).build();
        }
        return IppResponses.response(request, Status.successfulOkIgnoredOrSubstitutedAttributes,
                        "some printer attributes were left out: see the unsupported attributes")
                .putAttributes(Tag.unsupportedAttributes, update.unsupported())
                .build();
    }

    /** The attributes sent before, with those sent now replacing them by name, up to a bound. */
    private static List<Attribute<?>> merged(List<Attribute<?>> before, List<Attribute<?>> now) {
        Map<String, Attribute<?>> byName = new LinkedHashMap<>();
        before.forEach(attribute -> byName.put(attribute.getName(), attribute));
        for (Attribute<?> attribute : now) {
            if (byName.containsKey(attribute.getName()) || byName.size() < MAX_DEVICE_ATTRIBUTES) {
                byName.put(attribute.getName(), attribute);
            }
        }
        return List.copyOf(byName.values());
    }

    IppPacket getOutputDeviceAttributes(InfraContext context, IppRequest request) {
        return IppResponses.response(request, Status.successfulOk, null)
                .putPrinterAttributes(deviceAttributes.getOrDefault(context.device().id(), List.of()))
                .build();
    }

    IppPacket deregisterOutputDevice(InfraContext context, IppRequest request) {
        deviceAttributes.remove(context.device().id());
        subscriptions.forget(context.device());
        return IppResponses.response(request, Status.successfulOk, null).build();
    }

    /** There is nobody at the cloud side to identify the printer to. */
    IppPacket acknowledgeIdentifyPrinter(InfraContext context, IppRequest request) {
        return IppResponses.response(request, Status.successfulOk, null).build();
    }
}
