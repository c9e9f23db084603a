package org.opencps.reporting.internal;

import org.opencps.platform.ids.OrgId;
import org.opencps.reporting.internal.persistence.EnvironmentFactorStore;
import org.opencps.reporting.internal.persistence.RefusalStore;
import org.opencps.reporting.internal.persistence.RollupLock;
import org.opencps.reporting.internal.persistence.RollupStore;
import org.opencps.reporting.internal.persistence.ScanUsageStore;
import org.opencps.reporting.internal.persistence.UsageStore;
import org.opencps.tenancy.OrganizationPurgeParticipant;
import org.springframework.stereotype.Component;

/** A purged organization's usage records, refusals, scans and roll-ups go with it. */
@Component
class ReportingPurge implements OrganizationPurgeParticipant {

    private final UsageStore usage;
    private final RefusalStore refusals;
    private final RollupStore rollups;
    private final EnvironmentFactorStore factors;
    private final ScanUsageStore scans;

    private final RollupLock lock;

    ReportingPurge(UsageStore usage, RefusalStore refusals, RollupStore rollups, EnvironmentFactorStore factors,
                   ScanUsageStore scans, RollupLock lock) {
        this.scans = scans;
        this.lock = lock;
        this.factors = factors;
        this.usage = usage;
        this.refusals = refusals;
        this.rollups = rollups;
    }

    @Override
    public void purgeOrganizationData(OrgId org) {
        usage.purge(org);
        refusals.purge(org);
        scans.purge(org);
        rollups.purge(org);
        factors.delete(org);
        lock.purge(org);
    }
}
