package org.opencps.ipp.internal.infra;

import java.util.List;
import java.util.Optional;
import org.opencps.devices.ActingPrinter;
import org.opencps.devices.DeviceRegistrations;
import org.opencps.platform.ids.DeviceId;
import org.springframework.stereotype.Component;

/** Which registered printers a device credential (a printer's own, or its edge agent's) stands for. */
@Component
class OutputDeviceAccess {

    private final DeviceRegistrations registrations;

    OutputDeviceAccess(DeviceRegistrations registrations) {
        this.registrations = registrations;
    }

    /** The printer, when the credential is valid and stands for it; empty otherwise, whatever the reason. */
    Optional<OutputDevice> authenticate(String credential, DeviceId printer) {
        return registrations.authenticate(credential)
                .flatMap(holder -> registrations.printersOf(holder).stream().filter(p -> p.id().equals(printer)).findFirst())
                .map(OutputDeviceAccess::outputDevice);
    }

    /** Every active printer the credential stands for (none when it is not valid). */
    List<OutputDevice> printersOf(String credential) {
        return registrations.authenticate(credential).stream()
                .flatMap(holder -> registrations.printersOf(holder).stream())
                .map(OutputDeviceAccess::outputDevice)
                .toList();
    }

    private static OutputDevice outputDevice(ActingPrinter printer) {
        return new OutputDevice(printer.orgId(), printer.id(), printer.name());
    }
}
