package org.opencps.access;

import java.util.List;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;

/**
 * How much of an organization's audit trail an actor may read: all of it ({@code providerOrg}
 * null), or, for the provider directly above it, only the records whose actor is one of the
 * provider's own people ({@code actorsOnly}).
 */
public record AuditReach(OrgId org, OrgId providerOrg, List<UserId> actorsOnly) {

    public AuditReach {
        actorsOnly = List.copyOf(actorsOnly);
    }

    public boolean whole() {
        return providerOrg == null;
    }
}
