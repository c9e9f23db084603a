package org.opencps.audit.internal;

import org.opencps.audit.internal.persistence.AuditLog;
import org.opencps.platform.ids.OrgId;
import org.opencps.tenancy.OrganizationPurgeParticipant;
import org.springframework.stereotype.Component;

/** A purged organization's own audit trail goes with it. */
@Component
class AuditPurge implements OrganizationPurgeParticipant {

    private final AuditLog log;

    AuditPurge(AuditLog log) {
        this.log = log;
    }

    @Override
    public void purgeOrganizationData(OrgId org) {
        log.deleteOrganization(org);
    }
}
