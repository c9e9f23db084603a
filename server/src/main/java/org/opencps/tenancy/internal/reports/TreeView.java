package org.opencps.tenancy.internal.reports;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.OrgKind;
import org.opencps.tenancy.Organization;
import org.opencps.tenancy.OrganizationTree;
import org.opencps.tenancy.internal.persistence.OrganizationTreeQueries;
import org.springframework.stereotype.Component;

/** Builds the root provider's view of the tree: deeper customers appear only as counts. */
@Component
public class TreeView {

    private final OrganizationTreeQueries queries;

    TreeView(OrganizationTreeQueries queries) {
        this.queries = queries;
    }

    public OrganizationTree tree(Organization root) {
        Map<OrgId, List<Organization>> byParent = queries.everyOrganization().stream()
                .filter(org -> org.parentId() != null)
                .collect(Collectors.groupingBy(Organization::parentId));
        return new OrganizationTree(node(root, byParent, true));
    }

    private static OrganizationTree.Node node(Organization org, Map<OrgId, List<Organization>> byParent, boolean isRoot) {
        List<Organization> below = byParent.getOrDefault(org.id(), List.of());
        int customers = (int) below.stream().filter(child -> child.kind() == OrgKind.CUSTOMER).count();
        List<OrganizationTree.Node> children = below.stream()
                .filter(child -> isRoot || child.kind().isProvider())
                .map(child -> child.kind().isProvider() ? node(child, byParent, false) : leaf(child))
                .toList();
        return new OrganizationTree.Node(org.id(), org.name(), org.kind(), org.status(), customers, children);
    }

    private static OrganizationTree.Node leaf(Organization customer) {
        return new OrganizationTree.Node(customer.id(), customer.name(), customer.kind(), customer.status(), 0, List.of());
    }
}
