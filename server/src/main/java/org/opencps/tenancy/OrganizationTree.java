package org.opencps.tenancy;

import java.util.List;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.OrgKind;

/**
 * The root provider's view of the whole tree: providers at every depth by name, each with the
 * number of customers directly below it; customers by name only directly below the root.
 */
public record OrganizationTree(Node root) {

    public record Node(OrgId id, String name, OrgKind kind, Organization.Status status, int customers,
                       List<Node> children) {
    }
}
