package org.opencps.reporting.contracts.internal;

import org.opencps.reporting.contracts.internal.persistence.LicenseChangeStore;
import org.opencps.tenancy.LicenseChanged;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Keeps the contract history from tenancy's {@link LicenseChanged} events, after their change committed. */
@Component
class LicenseHistoryRecorder {

    private final LicenseChangeStore store;

    LicenseHistoryRecorder(LicenseChangeStore store) {
        this.store = store;
    }

    @ApplicationModuleListener
    void on(LicenseChanged change) {
        store.insertIfAbsent(change);
    }
}
