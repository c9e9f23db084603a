package org.opencps.scanning;

import java.time.Instant;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;

/** A named e-mail address of the organization's address book, which people pick at the device. */
public record AddressBookEntry(OrgId orgId, UUID id, String name, String email, Instant createdAt) {
}
