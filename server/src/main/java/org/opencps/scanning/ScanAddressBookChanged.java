package org.opencps.scanning;

import java.time.Instant;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;

/** An entry of the organization's address book was added ({@code added}) or removed, by {@code by}. */
public record ScanAddressBookChanged(OrgId org, UserId by, UUID entry, String name, boolean added, Instant at, UUID eventId) {

    public ScanAddressBookChanged(OrgId org, UserId by, UUID entry, String name, boolean added, Instant at) {
        this(org, by, entry, name, added, at, UUID.randomUUID());
    }
}
