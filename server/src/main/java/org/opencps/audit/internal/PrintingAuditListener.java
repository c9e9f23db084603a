package org.opencps.audit.internal;

import org.opencps.audit.internal.persistence.AuditLog;
import org.opencps.documents.DocumentKeyRotated;
import org.opencps.printing.PrintJobCompleted;
import org.opencps.printing.PrintJobDeleted;
import org.opencps.printing.PrintJobExpired;
import org.opencps.printing.PrintJobFailed;
import org.opencps.printing.PrintJobReleaseTimedOut;
import org.opencps.printing.PrintJobReleased;
import org.opencps.printing.PrintJobSubmitted;
import org.opencps.printing.PrintQuotaChanged;
import org.opencps.printing.PrintSettingsChanged;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Records print jobs coming and going, released and printed (never their content), quota changes
 * and document key rotations: after the change committed, in a transaction of its own, once per
 * event however often it is delivered.
 */
@Component
class PrintingAuditListener {

    private final AuditLog log;

    PrintingAuditListener(AuditLog log) {
        this.log = log;
    }

    @ApplicationModuleListener
    void on(PrintJobSubmitted e) {
        log.recordOnce(e.eventId(), e.at(), e.org(), "PRINT_JOB_SUBMITTED", e.owner(), e.job().toString(),
                e.format() + ", " + e.pages() + " pages, " + e.size() + " bytes, " + e.state() + ", via " + e.source(), e.origin());
    }

    @ApplicationModuleListener
    void on(PrintJobDeleted e) {
        log.recordOnce(e.eventId(), e.at(), e.org(), "PRINT_JOB_DELETED", e.owner(), e.job().toString(), null, e.origin());
    }

    @ApplicationModuleListener
    void on(PrintJobExpired e) {
        log.recordOnce(e.eventId(), e.at(), e.org(), "PRINT_JOB_EXPIRED", null, e.job().toString(), "owner " + e.owner(),
                e.origin());
    }

    @ApplicationModuleListener
    void on(PrintJobReleased e) {
        log.recordOnce(e.eventId(), e.at(), e.org(), "PRINT_JOB_RELEASED", e.owner(), e.job().toString(),
                "to device " + e.device() + ", " + e.chargedPages() + " " + e.colorMode() + " pages charged", e.origin());
    }

    @ApplicationModuleListener
    void on(PrintJobCompleted e) {
        log.recordOnce(e.eventId(), e.at(), e.org(), "PRINT_JOB_COMPLETED", null, e.job().toString(),
                "owner " + e.owner() + ", device " + e.device()
                + ", " + e.countedPages() + " pages counted, " + e.reportedPages() + " reported printed", e.origin());
    }

    @ApplicationModuleListener
    void on(PrintJobFailed e) {
        log.recordOnce(e.eventId(), e.at(), e.org(), "PRINT_JOB_FAILED", null, e.job().toString(),
                "owner " + e.owner() + ", device " + e.device()
                + (e.message() == null ? "" : ": " + e.message()) + "; held again, quota charge returned", e.origin());
    }

    @ApplicationModuleListener
    void on(PrintJobReleaseTimedOut e) {
        log.recordOnce(e.eventId(), e.at(), e.org(), "PRINT_JOB_RELEASE_TIMED_OUT", null, e.job().toString(),
                "owner " + e.owner() + ", device "
                + e.device() + " released at " + e.releasedAt() + "; held again, quota charge returned", e.origin());
    }

    /**
     * Both limits before and after, whether or not each changed: a quota is read as the pair. An event stored
     * by a version before before/after were kept (pending when the server was upgraded) has neither.
     */
    @ApplicationModuleListener
    void on(PrintQuotaChanged e) {
        var before = e.before();
        var after = e.after();
        if (after == null) {
            log.recordOnce(e.eventId(), e.at(), e.org(), "PRINT_QUOTA_CHANGED", e.by(), null,
                    "limits not kept by the version that recorded the change", e.origin());
            return;
        }
        log.recordOnce(e.eventId(), e.at(), e.org(), "PRINT_QUOTA_CHANGED", e.by(), after.scope() + " " + after.id(),
                "colour: " + limit(before.colorPagesPerMonth()) + " -> " + limit(after.colorPagesPerMonth())
                + ", black and white: " + limit(before.monochromePagesPerMonth()) + " -> " + limit(after.monochromePagesPerMonth())
                + " pages per month", e.origin());
    }

    @ApplicationModuleListener
    void on(PrintSettingsChanged e) {
        log.recordOnce(e.eventId(), e.at(), e.org(), "PRINT_SETTINGS_CHANGED", e.by(), e.org().toString(),
                Changes.between(e.before(), e.after()), e.origin());
    }

    private static String limit(Integer pages) {
        return pages == null ? "unlimited" : pages.toString();
    }

    @ApplicationModuleListener
    void on(DocumentKeyRotated e) {
        log.recordOnce(e.eventId(), e.at(), e.org(), "DOCUMENT_KEY_ROTATED", e.by(), e.org().toString(),
                "primary key " + e.primaryKeyId(), e.origin());
    }
}
