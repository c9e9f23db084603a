package org.opencps.audit.internal;

import java.util.Locale;
import org.opencps.audit.internal.persistence.AuditLog;
import org.opencps.scanning.CloudAccountChanged;
import org.opencps.scanning.ScanAddressBookChanged;
import org.opencps.scanning.ScanDeleted;
import org.opencps.scanning.ScanDelivered;
import org.opencps.scanning.ScanDeliveryFailed;
import org.opencps.scanning.ScanReceived;
import org.opencps.scanning.ScanRefused;
import org.opencps.scanning.ScanSettingsChanged;
import org.opencps.scanning.ScanWorkflowChanged;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Records scans arriving, delivered, failed and deleted (never their content, file name or the
 * addresses they went to), refused scans whatever becomes of the refused request, changes to
 * the scan settings, the address book (entry names, not addresses) and workflows, and people's
 * cloud accounts linked, unlinked or revoked by the provider (never a token).
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
        log.recordOnce(e.eventId(), e.at(), e.org(), "SCAN_SETTINGS_CHANGED", e.by(), e.org().toString(),
                Changes.between(e.before(), e.settings()), e.origin());
    }

    @ApplicationModuleListener
    void on(ScanAddressBookChanged e) {
        log.recordOnce(e.eventId(), e.at(), e.org(), e.added() ? "SCAN_ADDRESS_ADDED" : "SCAN_ADDRESS_REMOVED", e.by(),
                e.entry().toString(), "address-book entry " + e.name(), null);
    }

    @ApplicationModuleListener
    void on(ScanWorkflowChanged e) {
        log.recordOnce(e.eventId(), e.at(), e.org(), e.created() ? "SCAN_WORKFLOW_CREATED" : "SCAN_WORKFLOW_DELETED", e.by(),
                e.workflow().toString(), "workflow " + e.name() + " to " + kind(e.kind()) + ", shared with " + e.sharing(), null);
    }

    /** The person's own link; a grant the provider revoked has no actor (found while refreshing). */
    @ApplicationModuleListener
    void on(CloudAccountChanged e) {
        log.recordOnce(e.eventId(), e.at(), e.org(), "CLOUD_ACCOUNT_" + e.change().name(),
                e.change() == CloudAccountChanged.Change.REVOKED ? null : e.person(), e.person().toString(),
                e.service() + (e.change() == CloudAccountChanged.Change.REVOKED ? ": the provider refused the refresh token" : ""), null);
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
