package org.opencps.audit.internal;

import java.util.TreeSet;
import org.opencps.access.CustomRoleChanged;
import org.opencps.audit.internal.persistence.AuditLog;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Records custom roles created and deleted, with what they carry: after the change committed, once per event. */
@Component
class AccessAuditListener {

    private final AuditLog log;

    AccessAuditListener(AuditLog log) {
        this.log = log;
    }

    @ApplicationModuleListener
    void on(CustomRoleChanged e) {
        log.recordOnce(e.eventId(), e.at(), e.org(), e.deleted() ? "CUSTOM_ROLE_DELETED" : "CUSTOM_ROLE_CREATED", e.by(),
                e.roleId().toString(), "'" + e.name() + "' with " + new TreeSet<>(e.permissions()), e.origin());
    }
}
