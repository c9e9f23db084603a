package org.opencps.scanning.internal;

import org.opencps.documents.DocumentHolder;
import org.opencps.documents.DocumentId;
import org.opencps.platform.ids.OrgId;
import org.opencps.scanning.internal.persistence.AddressStore;
import org.opencps.scanning.internal.persistence.ScanSettingsStore;
import org.opencps.scanning.internal.persistence.ScanStore;
import org.opencps.scanning.internal.persistence.WorkflowStore;
import org.opencps.tenancy.OrganizationPurgeParticipant;
import org.springframework.stereotype.Component;

/**
 * Scanning's rows go with a purged organization (its documents go with the documents module's
 * keys); and a stored document is scanning's while a scan refers to it.
 */
@Component
class ScanningPurge implements OrganizationPurgeParticipant, DocumentHolder {

    private final ScanStore scans;
    private final ScanSettingsStore settings;
    private final AddressStore addresses;
    private final WorkflowStore workflows;

    ScanningPurge(ScanStore scans, ScanSettingsStore settings, AddressStore addresses, WorkflowStore workflows) {
        this.scans = scans;
        this.settings = settings;
        this.addresses = addresses;
        this.workflows = workflows;
    }

    @Override
    public void purgeOrganizationData(OrgId org) {
        scans.purge(org);
        settings.purge(org);
        addresses.purge(org);
        workflows.purge(org);
    }

    @Override
    public boolean holds(OrgId org, DocumentId document) {
        return scans.holdsDocument(org, document);
    }
}
