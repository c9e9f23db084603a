package org.opencps.audit.internal;

import java.util.TreeMap;
import java.util.stream.Collectors;
import org.opencps.audit.internal.persistence.AuditLog;
import org.opencps.platform.changes.DataExported;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Records the data exports of modules audit may not depend on (the usage, contract and license
 * reports): who, from where, what was exported ("name: value; ..."), never the data. Recorded after
 * the export's transaction committed, once per event.
 */
@Component
class DataExportAuditListener {

    private final AuditLog log;

    DataExportAuditListener(AuditLog log) {
        this.log = log;
    }

    @ApplicationModuleListener
    void on(DataExported e) {
        String what = new TreeMap<>(e.what()).entrySet().stream()
                .map(field -> field.getKey() + ": " + field.getValue()).collect(Collectors.joining("; "));
        log.recordOnce(e.eventId(), e.at(), e.orgId(), e.auditType(), e.exportedBy(), e.subject(), what, e.origin());
    }
}
