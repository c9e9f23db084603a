package org.opencps.reporting.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.opencps.platform.ids.OrgId;
import org.opencps.reporting.LicenseFigures;
import org.opencps.reporting.LicenseReport;
import org.opencps.tenancy.LicenseUsageSource;
import org.opencps.tenancy.Organization;
import org.opencps.tenancy.internal.persistence.OrganizationStore;
import org.opencps.tenancy.internal.persistence.OrganizationTreeQueries;
import org.opencps.tenancy.internal.persistence.OrganizationTreeQueries.CustomerBelow;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Rolls license figures up a provider's subtree. Every customer below is counted once, into the
 * row of the organization directly below the provider that it sits under; below the first level
 * only those sums leave this class, so a provider cannot tell deeper customers apart.
 */
@Component
public class LicenseRollup {

    private final OrganizationStore store;
    private final OrganizationTreeQueries queries;
    private final ObjectProvider<LicenseUsageSource> sources;

    LicenseRollup(OrganizationStore store, OrganizationTreeQueries queries, ObjectProvider<LicenseUsageSource> sources) {
        this.store = store;
        this.queries = queries;
        this.sources = sources;
    }

    public LicenseReport report(Organization provider) {
        String path = store.path(provider.id()).orElseThrow();
        List<CustomerBelow> customers = queries.customersBelow(path);
        Map<OrgId, LicenseFigures> figures = figuresOf(path, customers);

        Map<OrgId, LicenseFigures> sums = new HashMap<>();
        Map<OrgId, Integer> counts = new HashMap<>();
        for (CustomerBelow customer : customers) {
            OrgId firstLevel = firstLevelBelow(path, customer.path());
            sums.merge(firstLevel, figures.get(customer.id()), LicenseFigures::plus);
            counts.merge(firstLevel, 1, Integer::sum);
        }
        List<LicenseReport.Row> rows = new ArrayList<>();
        LicenseFigures total = LicenseFigures.ZERO;
        for (Organization child : store.children(provider.id())) {
            LicenseFigures sum = sums.getOrDefault(child.id(), LicenseFigures.ZERO);
            rows.add(new LicenseReport.Row(child.id(), child.name(), child.kind(), child.status(),
                    counts.getOrDefault(child.id(), 0), sum));
            total = total.plus(sum);
        }
        return new LicenseReport(provider.id(), List.copyOf(rows), total);
    }

    private Map<OrgId, LicenseFigures> figuresOf(String path, List<CustomerBelow> customers) {
        Set<OrgId> ids = customers.stream().map(CustomerBelow::id).collect(Collectors.toUnmodifiableSet());
        Map<OrgId, Long> allowed = queries.deviceLimitsBelow(path);
        Map<OrgId, Long> used = usage(LicenseUsageSource.DEVICES_USED, ids);
        Map<OrgId, Long> users = usage(LicenseUsageSource.USERS, ids);
        Map<OrgId, Long> pages = usage(LicenseUsageSource.PAGES, ids);
        Map<OrgId, LicenseFigures> figures = new HashMap<>();
        for (OrgId id : ids) {
            figures.put(id, new LicenseFigures(allowed.getOrDefault(id, 0L), used.getOrDefault(id, 0L),
                    users.getOrDefault(id, 0L), pages.getOrDefault(id, 0L)));
        }
        return figures;
    }

    /** The figure summed over every source that supplies it; only the customers asked about count. */
    private Map<OrgId, Long> usage(String figure, Set<OrgId> customers) {
        Map<OrgId, Long> result = new HashMap<>();
        if (customers.isEmpty()) {
            return result;
        }
        sources.orderedStream().filter(source -> figure.equals(source.figure())).forEach(source ->
                source.count(customers).forEach((id, value) -> {
                    if (customers.contains(id) && value != null) {
                        result.merge(id, value, Long::sum);
                    }
                }));
        return result;
    }

    /** The id right after the provider's own path: the organization directly below it. */
    private static OrgId firstLevelBelow(String providerPath, String customerPath) {
        String rest = customerPath.substring(providerPath.length());
        return OrgId.parse(rest.substring(0, rest.indexOf('/')));
    }
}
