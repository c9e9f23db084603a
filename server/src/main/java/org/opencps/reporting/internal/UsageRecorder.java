package org.opencps.reporting.internal;

import org.opencps.printing.PrintJobCompleted;
import org.opencps.reporting.UsageRecord;
import org.opencps.reporting.internal.persistence.UsageStore;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Records each printed job's usage once printing's transaction has committed, in a transaction of
 * its own. A failure leaves the event undelivered, to be delivered again later (also after a
 * restart); the job's id keeps a second delivery from counting the job twice.
 */
@Component
class UsageRecorder {

    private final UsageStore usage;

    UsageRecorder(UsageStore usage) {
        this.usage = usage;
    }

    @ApplicationModuleListener
    void on(PrintJobCompleted e) {
        usage.insertIfAbsent(new UsageRecord(e.org(), e.job(), e.owner(), e.device(), e.at(), e.copies(), e.colorMode(),
                e.countedPages(), e.reportedPages(), e.colorPages(), e.monochromePages(), e.duplex(),
                e.reportedPages() - e.countedPages()));
    }
}
