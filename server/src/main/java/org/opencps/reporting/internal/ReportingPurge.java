package org.opencps.reporting.internal;

import org.opencps.platform.ids.OrgId;
import org.opencps.reporting.internal.persistence.UsageStore;
import org.opencps.tenancy.OrganizationPurgeParticipant;
import org.springframework.stereotype.Component;

/** A purged organization's usage records go with it. */
@Component
class ReportingPurge implements OrganizationPurgeParticipant {

    private final UsageStore usage;

    ReportingPurge(UsageStore usage) {
        this.usage = usage;
    }

    @Override
    public void purgeOrganizationData(OrgId org) {
        usage.purge(org);
    }
}
