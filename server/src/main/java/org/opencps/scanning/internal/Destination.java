package org.opencps.scanning.internal;

import java.util.UUID;
import org.opencps.scanning.DestinationKind;
import org.opencps.scanning.ScanOptions;

/**
 * Where an accepted scan goes: its kind, the e-mail address for the address book (null otherwise),
 * and the workflow it came through (null, or its id, name, options and sealed password).
 */
record Destination(DestinationKind kind, String address, UUID workflowId, String workflowName, ScanOptions options,
                   String sealedPassword) {

    static Destination of(DestinationKind kind, String address) {
        return new Destination(kind, address, null, null, null, null);
    }
}
