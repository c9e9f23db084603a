package org.opencps.audit.internal;

import org.opencps.audit.internal.persistence.AuditLog;
import org.opencps.audit.internal.persistence.OrganizationSiemStore;
import org.opencps.audit.internal.persistence.SiemOutbox;
import org.opencps.platform.ids.OrgId;
import org.opencps.tenancy.OrganizationPurgeParticipant;
import org.springframework.stereotype.Component;

/** A purged organization's own audit trail goes with it, its SIEM delivery cursors and its own SIEM target. */
@Component
class AuditPurge implements OrganizationPurgeParticipant {

    private final AuditLog log;
    private final SiemOutbox outbox;
    private final OrganizationSiemStore siemTargets;

    AuditPurge(AuditLog log, SiemOutbox outbox, OrganizationSiemStore siemTargets) {
        this.log = log;
        this.outbox = outbox;
        this.siemTargets = siemTargets;
    }

    @Override
    public void purgeOrganizationData(OrgId org) {
        log.deleteOrganization(org);
        outbox.deleteOrganization(org.value());
        siemTargets.delete(org.value());
    }
}
