package org.opencps.ipp.internal.infra;

import java.util.List;
import java.util.Optional;
import org.opencps.platform.ids.DeviceId;

/** Which registered printers a device credential (a printer's own, or its edge agent's) stands for. */
public interface OutputDeviceAccess {

    /** The printer, when the credential is valid and stands for it; empty otherwise, whatever the reason. */
    Optional<OutputDevice> authenticate(String credential, DeviceId printer);

    /** Every printer the credential stands for (none when it is not valid). */
    List<OutputDevice> printersOf(String credential);
}
