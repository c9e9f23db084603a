package org.opencps.tenancy;

import java.time.Instant;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.OrgKind;

/** One organization of the tree. {@code parentId} is null only for the root provider. */
public record Organization(OrgId id, OrgId parentId, OrgKind kind, String name, Status status,
                           Instant createdAt, Instant discontinuedAt) {

    public enum Status { ACTIVE, DISCONTINUED }

    public boolean active() {
        return status == Status.ACTIVE;
    }
}
