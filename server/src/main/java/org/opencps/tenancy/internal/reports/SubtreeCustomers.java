package org.opencps.tenancy.internal.reports;

import org.opencps.platform.ids.OrgId;
import org.opencps.tenancy.CustomersBelow;
import org.opencps.tenancy.Organization;
import org.opencps.tenancy.internal.persistence.OrganizationStore;
import org.opencps.tenancy.internal.persistence.OrganizationTreeQueries;
import org.springframework.stereotype.Component;

/**
 * The customers anywhere below a provider, each with the organization directly below the provider
 * that it sits under, for the license report. The paths stay here: only ids and limits leave.
 */
@Component
public class SubtreeCustomers {

    private final OrganizationStore store;
    private final OrganizationTreeQueries queries;

    SubtreeCustomers(OrganizationStore store, OrganizationTreeQueries queries) {
        this.store = store;
        this.queries = queries;
    }

    public CustomersBelow below(Organization provider) {
        String path = store.path(provider.id()).orElseThrow();
        var customers = queries.customersBelow(path).stream()
                .map(customer -> new CustomersBelow.Customer(customer.id(), firstLevelBelow(path, customer.path()),
                        customer.deviceLimit()))
                .toList();
        return new CustomersBelow(provider.id(), store.children(provider.id()), customers);
    }

    /** The id right after the provider's own path: the organization directly below it. */
    private static OrgId firstLevelBelow(String providerPath, String customerPath) {
        String rest = customerPath.substring(providerPath.length());
        return OrgId.parse(rest.substring(0, rest.indexOf('/')));
    }
}
