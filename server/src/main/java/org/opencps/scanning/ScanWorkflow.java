package org.opencps.scanning;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;

/**
 * A named, reusable destination with options, shared with everyone in the organization or with
 * some of its groups. {@code address} names the address-book entry of an address-book workflow.
 * Whether a password is set is all anyone learns of it.
 */
public record ScanWorkflow(OrgId orgId, UUID id, String name, DestinationKind kind, String address, ScanOptions options,
                           boolean passwordSet, boolean everyone, Set<UUID> groups, Instant createdAt) {
}
