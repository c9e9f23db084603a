package org.opencps.tenancy.internal;

import java.util.Optional;
import org.opencps.access.OrganizationLookup;
import org.opencps.platform.ids.OrgId;
import org.opencps.tenancy.internal.persistence.OrganizationStore;
import org.springframework.stereotype.Component;

/** Tells the access policy what it needs of the tree. */
@Component
class OrganizationLookupAdapter implements OrganizationLookup {

    private final OrganizationStore store;

    OrganizationLookupAdapter(OrganizationStore store) {
        this.store = store;
    }

    @Override
    public Optional<OrgNode> find(OrgId id) {
        return store.find(id).map(org -> new OrgNode(org.id(), org.parentId(), org.kind(), org.active()));
    }
}
