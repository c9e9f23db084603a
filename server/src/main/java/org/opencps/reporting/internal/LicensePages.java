package org.opencps.reporting.internal;

import java.util.Map;
import java.util.Set;
import org.opencps.platform.ids.OrgId;
import org.opencps.reporting.internal.persistence.UsageStore;
import org.opencps.tenancy.LicenseUsageSource;
import org.springframework.stereotype.Component;

/** The "pages" figure of the license reports: every page the customer's devices reported printed. */
@Component
class LicensePages implements LicenseUsageSource {

    private final UsageStore usage;

    LicensePages(UsageStore usage) {
        this.usage = usage;
    }

    @Override
    public Map<OrgId, Long> count(Set<OrgId> customers) {
        return usage.reportedPagesOf(customers);
    }

    @Override
    public String figure() {
        return PAGES;
    }
}
