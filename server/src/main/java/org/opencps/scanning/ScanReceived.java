package org.opencps.scanning;

import java.time.Instant;
import java.util.UUID;
import org.opencps.platform.ids.DeviceId;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.platform.origin.RequestOrigin;

/** A device's scan was accepted and its pages counted (reports count scanned pages from this). */
public record ScanReceived(OrgId org, UUID scan, UserId owner, DeviceId device, DestinationKind kind, ScanFormat format,
                           int pages, long size, Instant at, UUID eventId, RequestOrigin origin) {

    public ScanReceived(OrgId org, UUID scan, UserId owner, DeviceId device, DestinationKind kind, ScanFormat format,
                        int pages, long size, Instant at) {
        this(org, scan, owner, device, kind, format, pages, size, at, UUID.randomUUID(), RequestOrigin.current());
    }
}
