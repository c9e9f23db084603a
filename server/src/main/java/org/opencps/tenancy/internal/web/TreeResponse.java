package org.opencps.tenancy.internal.web;

import java.util.List;
import java.util.UUID;
import org.opencps.platform.ids.OrgKind;
import org.opencps.tenancy.Organization;
import org.opencps.tenancy.OrganizationTree;

/** {@code customers} counts the customers directly below a node; deeper customers are never named. */
record TreeResponse(Node root) {

    record Node(UUID id, String name, OrgKind kind, Organization.Status status, int customers, List<Node> children) {

        static Node of(OrganizationTree.Node node) {
            return new Node(node.id().value(), node.name(), node.kind(), node.status(), node.customers(),
                    node.children().stream().map(Node::of).toList());
        }
    }

    static TreeResponse of(OrganizationTree tree) {
        return new TreeResponse(Node.of(tree.root()));
    }
}
