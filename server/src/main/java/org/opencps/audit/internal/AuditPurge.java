package org.opencps.audit.internal;

import org.opencps.platform.ids.OrgId;
import org.opencps.tenancy.OrganizationPurgeParticipant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A purged organization's own audit trail goes with it. */
@Component
class AuditPurge implements OrganizationPurgeParticipant {

    private final JdbcClient jdbc;

    AuditPurge(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void purgeOrganizationData(OrgId org) {
        jdbc.sql("DELETE FROM audit_event WHERE org_id = ?").param(org.value()).update();
    }
}
