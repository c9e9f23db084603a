package org.opencps.audit.internal;

import org.opencps.audit.internal.persistence.AuditLog;
import org.opencps.platform.changes.SettingChanged;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Records settings of modules audit may not depend on (reporting's environmental factors, report
 * schedules and recipients), with each changed field's before and after, under the thing changed
 * or else the organization. Recorded after the change committed, once per event.
 */
@Component
class SettingChangeAuditListener {

    private final AuditLog log;

    SettingChangeAuditListener(AuditLog log) {
        this.log = log;
    }

    @ApplicationModuleListener
    void on(SettingChanged e) {
        log.recordOnce(e.eventId(), e.at(), e.orgId(), e.auditType(), e.changedBy(),
                e.subject() == null ? e.orgId().toString() : e.subject(),
                Changes.between(e.before(), e.after()), e.origin());
    }
}
