package org.opencps.audit.internal;

import org.opencps.tenancy.OrganizationDiscontinued;
import org.opencps.tenancy.OrganizationPurged;
import org.opencps.tenancy.OrganizationReactivated;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Offboarding is recorded under the parent organization, which decided it: the purged
 * organization's own trail is deleted with the rest of its data.
 */
@Component
class TenancyAuditListener {

    private final AuditLog log;

    TenancyAuditListener(AuditLog log) {
        this.log = log;
    }

    @EventListener
    void on(OrganizationDiscontinued e) {
        log.record(e.parentId(), "ORGANIZATION_DISCONTINUED", e.discontinuedBy(), e.orgId().toString(), "purge at " + e.purgeAt(), null);
    }

    @EventListener
    void on(OrganizationReactivated e) {
        log.record(e.parentId(), "ORGANIZATION_REACTIVATED", e.reactivatedBy(), e.orgId().toString(), null, null);
    }

    @EventListener
    void on(OrganizationPurged e) {
        log.record(e.parentId(), "ORGANIZATION_PURGED", e.purgedBy(), e.orgId().toString(), e.reason().name(), null);
    }
}
