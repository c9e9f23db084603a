package org.opencps.printing;

import java.time.Instant;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.platform.origin.RequestOrigin;

/** An organization's print settings and policies were changed, from {@code before} to {@code after}. */
public record PrintSettingsChanged(OrgId org, UserId by, PrintSettings before, PrintSettings after, Instant at, UUID eventId, RequestOrigin origin) {

    /** A new occurrence, with an {@code eventId} of its own, taken in the request served on this thread (if any). */
    public PrintSettingsChanged(OrgId org, UserId by, PrintSettings before, PrintSettings after, Instant at) {
        this(org, by, before, after, at, UUID.randomUUID(), RequestOrigin.current());
    }
}
