package org.opencps.audit.internal;

import org.opencps.audit.internal.persistence.AuditLog;
import org.opencps.audit.internal.persistence.SiemOutbox;
import org.opencps.platform.ids.OrgId;
import org.opencps.tenancy.OrganizationPurgeParticipant;
import org.springframework.stereotype.Component;

/** A purged organization's own audit trail goes with it, and its SIEM delivery cursors. */
@Component
class AuditPurge implements OrganizationPurgeParticipant {

    private final AuditLog log;
    private final SiemOutbox outbox;

    AuditPurge(AuditLog log, SiemOutbox outbox) {
        this.log = log;
        this.outbox = outbox;
    }

    @Override
    public void purgeOrganizationData(OrgId org) {
        log.deleteOrganization(org);
        outbox.deleteOrganization(org.value());
    }
}
