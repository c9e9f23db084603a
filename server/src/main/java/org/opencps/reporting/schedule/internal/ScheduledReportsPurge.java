package org.opencps.reporting.schedule.internal;

import org.opencps.platform.ids.OrgId;
import org.opencps.reporting.contracts.internal.persistence.LicenseChangeStore;
import org.opencps.reporting.recipients.internal.persistence.RecipientStore;
import org.opencps.reporting.schedule.internal.persistence.ScheduleStore;
import org.opencps.tenancy.OrganizationPurgeParticipant;
import org.springframework.stereotype.Component;

/** A purged organization's schedules (with their runs), report recipients and contract history go with it. */
@Component
class ScheduledReportsPurge implements OrganizationPurgeParticipant {

    private final ScheduleStore schedules;
    private final RecipientStore recipients;
    private final LicenseChangeStore licenseChanges;

    ScheduledReportsPurge(ScheduleStore schedules, RecipientStore recipients, LicenseChangeStore licenseChanges) {
        this.schedules = schedules;
        this.recipients = recipients;
        this.licenseChanges = licenseChanges;
    }

    @Override
    public void purgeOrganizationData(OrgId org) {
        schedules.purge(org);
        recipients.purge(org);
        licenseChanges.purge(org);
    }
}
