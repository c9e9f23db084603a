package org.opencps.printing;

import java.time.Instant;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;

/** An organization's print settings and policies were changed, from {@code before} to {@code after}. */
public record PrintSettingsChanged(OrgId org, UserId by, PrintSettings before, PrintSettings after, Instant at, UUID eventId) {

    /** A new occurrence, with an {@code eventId} of its own. */
    public PrintSettingsChanged(OrgId org, UserId by, PrintSettings before, PrintSettings after, Instant at) {
        this(org, by, before, after, at, UUID.randomUUID());
    }
}
