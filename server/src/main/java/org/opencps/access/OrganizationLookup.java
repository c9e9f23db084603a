package org.opencps.access;

import java.util.Optional;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.OrgKind;

/**
 * What the access policy needs to know of the organization tree. The tenancy module implements
 * it; the policy sits below tenancy so that tenancy's own face can ask the policy first.
 */
public interface OrganizationLookup {

    Optional<OrgNode> find(OrgId id);

    /** One organization as the policy sees it. */
    record OrgNode(OrgId id, OrgId parentId, OrgKind kind, boolean active) {
    }
}
