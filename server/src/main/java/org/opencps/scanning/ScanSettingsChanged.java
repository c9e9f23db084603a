package org.opencps.scanning;

import java.time.Instant;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.platform.origin.RequestOrigin;

/** An admin changed the organization's scan settings from {@code before} to {@code settings}. */
public record ScanSettingsChanged(OrgId org, UserId by, ScanSettings before, ScanSettings settings, Instant at, UUID eventId,
                                  RequestOrigin origin) {

    public ScanSettingsChanged(OrgId org, UserId by, ScanSettings before, ScanSettings settings, Instant at) {
        this(org, by, before, settings, at, UUID.randomUUID(), RequestOrigin.current());
    }
}
