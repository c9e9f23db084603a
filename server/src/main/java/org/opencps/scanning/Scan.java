package org.opencps.scanning;

import java.time.Instant;
import java.util.UUID;
import org.opencps.platform.ids.DeviceId;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;

/**
 * A scan as its owner sees it. {@code destination} names where it goes (an address, an
 * address-book entry, a workflow), null for My scans, e-mail to me and cloud kinds; {@code kept}
 * says whether its document can still be downloaded.
 */
public record Scan(OrgId orgId, UUID id, UserId owner, DeviceId device, DestinationKind kind, String destination,
                   String workflow, String fileName, ScanFormat format, long size, int pages, ScanState state,
                   int attempts, String lastError, Instant createdAt, Instant finishedAt, Instant expiresAt, boolean kept) {
}
