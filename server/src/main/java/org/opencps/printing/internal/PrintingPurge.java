package org.opencps.printing.internal;

import org.opencps.documents.DocumentHolder;
import org.opencps.documents.DocumentId;
import org.opencps.platform.ids.OrgId;
import org.opencps.printing.internal.persistence.JobStore;
import org.opencps.printing.internal.persistence.PrintSettingsStore;
import org.opencps.printing.internal.persistence.QuotaStore;
import org.opencps.tenancy.OrganizationPurgeParticipant;
import org.springframework.stereotype.Component;

/**
 * Printing's rows go with a purged organization (its documents go with the documents module's
 * keys); and a stored document is printing's while a job refers to it.
 */
@Component
class PrintingPurge implements OrganizationPurgeParticipant, DocumentHolder {

    private final JobStore jobs;
    private final PrintSettingsStore settings;
    private final QuotaStore quotas;

    PrintingPurge(JobStore jobs, PrintSettingsStore settings, QuotaStore quotas) {
        this.jobs = jobs;
        this.settings = settings;
        this.quotas = quotas;
    }

    @Override
    public void purgeOrganizationData(OrgId org) {
        jobs.purge(org);
        settings.purge(org);
        quotas.purge(org);
    }

    @Override
    public boolean holds(OrgId org, DocumentId document) {
        return jobs.holdsDocument(org, document);
    }
}
