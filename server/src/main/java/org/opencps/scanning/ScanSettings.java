package org.opencps.scanning;

import java.util.EnumSet;
import java.util.Set;

/**
 * An organization's scan settings: the destination kinds its people may scan to, whether an
 * e-mail address may be typed at the device (otherwise only address-book entries), how long scans
 * are kept, the largest scan accepted, the largest attachment e-mailed (a larger scan is sent as a
 * link to My scans), and whether Box scans stream straight to Box without being kept here.
 */
public record ScanSettings(Set<DestinationKind> allowedKinds, boolean directEmailAllowed, int retentionHours,
                           long maxScanBytes, long attachmentLimitBytes, boolean boxDirect) {

    public static final int MAX_RETENTION_HOURS = 30 * 24;
    public static final long MAX_ATTACHMENT_BYTES = 100L * 1024 * 1024;
    public static final long MIN_SCAN_BYTES = 64 * 1024;

    public ScanSettings {
        allowedKinds = allowedKinds == null || allowedKinds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(allowedKinds));
    }

    public static ScanSettings defaults() {
        return new ScanSettings(EnumSet.allOf(DestinationKind.class), false, 7 * 24, 1024L * 1024 * 1024,
                10L * 1024 * 1024, false);
    }

    public boolean allows(DestinationKind kind) {
        return allowedKinds.contains(kind);
    }
}
