package org.opencps.reporting.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.opencps.devices.Devices;
import org.opencps.identity.Users;
import org.opencps.platform.ids.OrgId;
import org.opencps.reporting.LicenseFigures;
import org.opencps.reporting.LicenseReport;
import org.opencps.reporting.internal.persistence.UsageStore;
import org.opencps.tenancy.CustomersBelow;
import org.opencps.tenancy.Organization;
import org.springframework.stereotype.Component;

/**
 * Rolls license figures up a provider's subtree. Every customer below is counted once, into the
 * row of the organization directly below the provider that it sits under; below the first level
 * only those sums leave this class, so a provider cannot tell deeper customers apart.
 */
@Component
public class LicenseRollup {

    private final Users users;
    private final Devices devices;
    private final UsageStore usage;

    LicenseRollup(Users users, Devices devices, UsageStore usage) {
        this.users = users;
        this.devices = devices;
        this.usage = usage;
    }

    public LicenseReport report(CustomersBelow subtree) {
        Map<OrgId, LicenseFigures> figures = figuresOf(subtree.customers());

        Map<OrgId, LicenseFigures> sums = new HashMap<>();
        Map<OrgId, Integer> counts = new HashMap<>();
        for (CustomersBelow.Customer customer : subtree.customers()) {
            sums.merge(customer.under(), figures.get(customer.id()), LicenseFigures::plus);
            counts.merge(customer.under(), 1, Integer::sum);
        }
        List<LicenseReport.Row> rows = new ArrayList<>();
        LicenseFigures total = LicenseFigures.ZERO;
        for (Organization child : subtree.directlyBelow()) {
            LicenseFigures sum = sums.getOrDefault(child.id(), LicenseFigures.ZERO);
            rows.add(new LicenseReport.Row(child.id(), child.name(), child.kind(), child.status(),
                    counts.getOrDefault(child.id(), 0), sum));
            total = total.plus(sum);
        }
        return new LicenseReport(subtree.providerId(), List.copyOf(rows), total);
    }

    private Map<OrgId, LicenseFigures> figuresOf(List<CustomersBelow.Customer> customers) {
        Map<OrgId, LicenseFigures> figures = new HashMap<>();
        if (customers.isEmpty()) {
            return figures;
        }
        Set<OrgId> ids = customers.stream().map(CustomersBelow.Customer::id).collect(Collectors.toUnmodifiableSet());
        Map<OrgId, Long> used = devices.activePrinterCountsOf(ids);
        Map<OrgId, Long> members = users.memberCountsOf(ids);
        Map<OrgId, Long> pages = usage.reportedPagesOf(ids);
        for (CustomersBelow.Customer customer : customers) {
            OrgId id = customer.id();
            figures.put(id, new LicenseFigures(customer.deviceLimit(), used.getOrDefault(id, 0L),
                    members.getOrDefault(id, 0L), pages.getOrDefault(id, 0L)));
        }
        return figures;
    }
}
