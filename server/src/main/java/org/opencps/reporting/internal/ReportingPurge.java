package org.opencps.reporting.internal;

import org.opencps.platform.ids.OrgId;
import org.opencps.reporting.internal.persistence.EnvironmentFactorStore;
import org.opencps.reporting.internal.persistence.RefusalStore;
import org.opencps.reporting.internal.persistence.RollupLock;
import org.opencps.reporting.internal.persistence.RollupStore;
import org.opencps.reporting.internal.persistence.UsageStore;
import org.opencps.tenancy.OrganizationPurgeParticipant;
import org.springframework.stereotype.Component;

/** A purged organization's usage records, refusals and roll-ups go with it. */
@Component
class ReportingPurge implements OrganizationPurgeParticipant {

    private final UsageStore usage;
    private final RefusalStore refusals;
    private final RollupStore rollups;
    private final EnvironmentFactorStore factors;

    private final RollupLock lock;

    ReportingPurge(UsageStore usage, RefusalStore refusals, RollupStore rollups, EnvironmentFactorStore factors,
                   RollupLock lock) {
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
        rollups.purge(org);
        factors.purge(org);
        lock.purge(org);
    }
}
