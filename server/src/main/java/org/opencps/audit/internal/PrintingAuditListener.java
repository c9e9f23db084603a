package org.opencps.audit.internal;

import org.opencps.documents.DocumentKeyRotated;
import org.opencps.printing.PrintJobDeleted;
import org.opencps.printing.PrintJobExpired;
import org.opencps.printing.PrintJobSubmitted;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Records print jobs coming and going (never their content) and document key rotations. */
@Component
class PrintingAuditListener {

    private final AuditLog log;

    PrintingAuditListener(AuditLog log) {
        this.log = log;
    }

    @EventListener
    void on(PrintJobSubmitted e) {
        log.record(e.org(), "PRINT_JOB_SUBMITTED", e.owner(), e.job().toString(),
                e.format() + ", " + e.pages() + " pages, " + e.size() + " bytes, " + e.state() + ", via " + e.source(), null);
    }

    @EventListener
    void on(PrintJobDeleted e) {
        log.record(e.org(), "PRINT_JOB_DELETED", e.owner(), e.job().toString(), null, null);
    }

    @EventListener
    void on(PrintJobExpired e) {
        log.record(e.org(), "PRINT_JOB_EXPIRED", null, e.job().toString(), "owner " + e.owner(), null);
    }

    @EventListener
    void on(DocumentKeyRotated e) {
        log.record(e.org(), "DOCUMENT_KEY_ROTATED", e.by(), e.org().toString(), "primary key " + e.primaryKeyId(), null);
    }
}
