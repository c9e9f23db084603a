package org.opencps.audit.internal;

import java.util.Locale;
import org.opencps.audit.internal.persistence.AuditLog;
import org.opencps.scanning.ScanDeleted;
import org.opencps.scanning.ScanDelivered;
import org.opencps.scanning.ScanDeliveryFailed;
import org.opencps.scanning.ScanReceived;
import org.opencps.scanning.ScanRefused;
import org.opencps.scanning.ScanSettingsChanged;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Records scans arriving, delivered, failed and deleted (never their content, file name or the
 * addresses they went to), refused scans whatever becomes of the refused request, and changes to
 * the scan settings.
 */
@Component
class ScanningAuditListener {

    private final AuditLog log;

    ScanningAuditListener(AuditLog log) {
        this.log = log;
    }

    @ApplicationModuleListener
    void on(ScanReceived e) {
        log.recordOnce(e.eventId(), e.at(), e.org(), "SCAN_RECEIVED", e.owner(), e.scan().toString(),
                e.format() + ", " + e.pages() + " pages, " + e.size() + " bytes, to " + kind(e.kind()) + ", device " + e.device(), e.origin());
    }

    @ApplicationModuleListener
    void on(ScanDelivered e) {
        log.recordOnce(e.eventId(), e.at(), e.org(), "SCAN_DELIVERED", null, e.scan().toString(),
                "owner " + e.owner() + ", to " + kind(e.kind()) + " after " + e.attempts() + " attempts", e.origin());
    }

    @ApplicationModuleListener
    void on(ScanDeliveryFailed e) {
        log.recordOnce(e.eventId(), e.at(), e.org(), "SCAN_DELIVERY_FAILED", null, e.scan().toString(),
                "owner " + e.owner() + ", to " + kind(e.kind()) + " after " + e.attempts() + " attempts: " + e.reason(), e.origin());
    }

    @ApplicationModuleListener
    void on(ScanDeleted e) {
        log.recordOnce(e.eventId(), e.at(), e.org(), e.by() == null ? "SCAN_EXPIRED" : "SCAN_DELETED", e.by(), e.scan().toString(),
                "owner " + e.owner(), e.origin());
    }

    @ApplicationModuleListener
    void on(ScanSettingsChanged e) {
        var s = e.settings();
        log.recordOnce(e.eventId(), e.at(), e.org(), "SCAN_SETTINGS_CHANGED", e.by(), e.org().toString(),
                "destinations " + s.allowedKinds().stream().sorted().toList() + ", direct e-mail " + s.directEmailAllowed()
                        + ", retention " + s.retentionHours() + " h, max " + s.maxScanBytes() + " bytes, attachments up to "
                        + s.attachmentLimitBytes() + " bytes, Box direct " + s.boxDirect(), e.origin());
    }

    @WhateverTheOutcome
    void on(ScanRefused e) {
        log.record(e.org(), "SCAN_REFUSED", e.person(), e.device() == null ? null : e.device().toString(),
                e.reason() + ": " + e.detail(), e.sourceIp());
    }

    private static String kind(org.opencps.scanning.DestinationKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }
}
