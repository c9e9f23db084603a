package org.opencps.ipp.internal.infra;

import java.util.List;
import java.util.Optional;
import org.opencps.devices.ActingPrinter;
import org.opencps.devices.DeviceCredentials;
import org.opencps.devices.DevicePrincipal;
import org.opencps.devices.DeviceRegistrations;
import org.opencps.platform.errors.TooManyRequestsException;
import org.opencps.platform.ids.DeviceId;
import org.springframework.stereotype.Component;

/**
 * Which registered printers a device credential (a printer's own, or its edge agent's) stands for.
 * Every refusal counts towards the source's limit of wrong device credentials, shared with the
 * Device API; a source over it gets {@link TooManyRequestsException} before its credential is looked at.
 */
@Component
class OutputDeviceAccess {

    private final DeviceCredentials credentials;
    private final DeviceRegistrations registrations;

    OutputDeviceAccess(DeviceCredentials credentials, DeviceRegistrations registrations) {
        this.credentials = credentials;
        this.registrations = registrations;
    }

    /** The printer, when the credential is valid and stands for it; empty otherwise, whatever the reason. */
    Optional<OutputDevice> authenticate(String credential, String printerId, String sourceIp) {
        Optional<DevicePrincipal> holder = credentials.authenticate(credential, sourceIp);
        if (holder.isEmpty()) {
            return Optional.empty();
        }
        Optional<OutputDevice> printer = parse(printerId).flatMap(id -> registrations.printersOf(holder.get()).stream()
                .filter(p -> p.id().equals(id)).findFirst()).map(p -> outputDevice(p, holder.get()));
        if (printer.isEmpty()) {
            credentials.refused(sourceIp, "a device credential presented for a printer it does not stand for");
        }
        return printer;
    }

    /** Every active printer the credential stands for; empty when it is not valid or stands for none. */
    List<OutputDevice> printersOf(String credential, String sourceIp) {
        Optional<DevicePrincipal> holder = credentials.authenticate(credential, sourceIp);
        if (holder.isEmpty()) {
            return List.of();
        }
        List<OutputDevice> printers = registrations.printersOf(holder.get()).stream()
                .map(printer -> outputDevice(printer, holder.get())).toList();
        if (printers.isEmpty()) {
            credentials.refused(sourceIp, "a device credential that stands for no active printer");
        }
        return printers;
    }

    private static Optional<DeviceId> parse(String text) {
        try {
            return Optional.of(DeviceId.parse(text));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    private static OutputDevice outputDevice(ActingPrinter printer, DevicePrincipal holder) {
        return new OutputDevice(printer.orgId(), printer.id(), printer.name(), holder.deviceId());
    }
}
