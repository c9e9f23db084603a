package org.opencps.audit.internal;

import org.opencps.audit.internal.persistence.AuditLog;
import org.opencps.tenancy.LicenseChanged;
import org.opencps.tenancy.OrganizationAccessRefused;
import org.opencps.tenancy.OrganizationCreated;
import org.opencps.tenancy.OrganizationRenamed;
import org.opencps.tenancy.RegionLinksChanged;
import org.opencps.tenancy.OrganizationSettingsChanged;
import org.opencps.tenancy.OrganizationDiscontinued;
import org.opencps.tenancy.OrganizationPurged;
import org.opencps.tenancy.OrganizationReactivated;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Offboarding is recorded under the parent organization, which decided it: the purged
 * organization's own trail is deleted with the rest of its data. Recorded after the change
 * committed, once per event however often it is delivered. A request refused for its
 * address is recorded whatever becomes of the transaction it was refused in.
 */
@Component
class TenancyAuditListener {

    private final AuditLog log;

    TenancyAuditListener(AuditLog log) {
        this.log = log;
    }

    @ApplicationModuleListener
    void on(OrganizationDiscontinued e) {
        log.recordOnce(e.eventId(), e.at(), e.parentId(), "ORGANIZATION_DISCONTINUED", e.discontinuedBy(),
                e.orgId().toString(), "purge at " + e.purgeAt(), e.origin());
    }

    @ApplicationModuleListener
    void on(OrganizationReactivated e) {
        log.recordOnce(e.eventId(), e.at(), e.parentId(), "ORGANIZATION_REACTIVATED", e.reactivatedBy(),
                e.orgId().toString(), null, e.origin());
    }

    @ApplicationModuleListener
    void on(OrganizationPurged e) {
        log.recordOnce(e.eventId(), e.at(), e.parentId(), "ORGANIZATION_PURGED", e.purgedBy(), e.orgId().toString(),
                e.reason().name(), e.origin());
    }

    /** Under the parent, which created it (as offboarding); its own trail starts with its first license. */
    @ApplicationModuleListener
    void on(OrganizationCreated e) {
        log.recordOnce(e.eventId(), e.at(), e.parentId(), "ORGANIZATION_CREATED", e.createdBy(), e.orgId().toString(),
                e.kind() + " '" + e.name() + "'", e.origin());
    }

    /** Under the organization renamed, where its own admins and the provider's see it. */
    @ApplicationModuleListener
    void on(OrganizationRenamed e) {
        log.recordOnce(e.eventId(), e.at(), e.orgId(), "ORGANIZATION_RENAMED", e.renamedBy(), e.orgId().toString(),
                "name: " + e.before() + " -> " + e.after(), e.origin());
    }

    @ApplicationModuleListener
    void on(RegionLinksChanged e) {
        log.recordOnce(e.eventId(), e.at(), e.rootId(), "REGION_LINKS_CHANGED", e.changedBy(), e.after().region(),
                Changes.between(e.before(), e.after()), e.origin());
    }

    @ApplicationModuleListener
    void on(OrganizationSettingsChanged e) {
        log.recordOnce(e.eventId(), e.at(), e.orgId(), "SETTINGS_CHANGED", e.changedBy(), e.orgId().toString(),
                Changes.between(e.before(), e.after()), e.origin());
    }

    /** Under the customer, where the provider's admins see their own people's actions too. */
    @ApplicationModuleListener
    void on(LicenseChanged e) {
        log.recordOnce(e.eventId(), e.at(), e.orgId(), "LICENSE_CHANGED", e.changedBy(), e.orgId().toString(),
                Changes.between(e.before(), e.after()), e.origin());
    }

    @WhateverTheOutcome
    void on(OrganizationAccessRefused e) {
        log.record(e.orgId(), "ADDRESS_NOT_ALLOWED", e.user(), e.channel().name(),
                "the address is not in the organization's IP allow-list", e.sourceIp());
    }
}
