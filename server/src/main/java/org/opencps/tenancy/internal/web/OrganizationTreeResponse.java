package org.opencps.tenancy.internal.web;

import java.util.List;
import java.util.UUID;
import org.opencps.platform.ids.OrgKind;
import org.opencps.tenancy.Organization;
import org.opencps.tenancy.OrganizationTree;

/** {@code customers} counts the customers directly below a node; deeper customers are never named. */
record OrganizationTreeResponse(OrganizationTreeNode root) {

    record OrganizationTreeNode(UUID id, String name, OrgKind kind, Organization.Status status, int customers,
                                List<OrganizationTreeNode> children) {

        static OrganizationTreeNode of(OrganizationTree.Node node) {
            return new OrganizationTreeNode(node.id().value(), node.name(), node.kind(), node.status(), node.customers(),
                    node.children().stream().map(OrganizationTreeNode::of).toList());
        }
    }

    static OrganizationTreeResponse of(OrganizationTree tree) {
        return new OrganizationTreeResponse(OrganizationTreeNode.of(tree.root()));
    }
}
