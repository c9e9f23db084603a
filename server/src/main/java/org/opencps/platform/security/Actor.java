package org.opencps.platform.security;

import java.io.Serializable;
import java.util.Objects;
import org.opencps.platform.errors.ConflictException;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;

/**
 * The authenticated person making a request, and the organization they chose to work in (null
 * until they pick one in the tenant selector). Every module face takes it to decide access.
 */
public record Actor(UserId userId, OrgId orgId) implements Serializable {

    public Actor {
        Objects.requireNonNull(userId, "userId");
    }

    public OrgId requireOrganization() {
        if (orgId == null) {
            throw new ConflictException("organizationId", "problem.organization.selectFirst", "select an organization first (POST /api/v1/auth/organization)");
        }
        return orgId;
    }

    public Actor inOrganization(OrgId org) {
        return new Actor(userId, org);
    }
}
