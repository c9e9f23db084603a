package org.opencps.scanning.internal;

import java.util.concurrent.atomic.AtomicBoolean;
import org.opencps.scanning.DestinationKind;
import org.opencps.scanning.ScanReceived;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Starts a delivery round on this process as soon as a scan to deliver is committed, instead of
 * leaving it to the worker's next interval (up to {@code opencps.scanning.delivery-interval}
 * later). The round claims scans like any other, so it never competes with the scheduled one or
 * another process for the same scan. Rounds asked for while one is waiting to start are one round.
 */
@Component
class DeliveryNow {

    private final DeliveryWorker worker;
    private final AtomicBoolean waiting = new AtomicBoolean();

    DeliveryNow(DeliveryWorker worker) {
        this.worker = worker;
    }

    @ApplicationModuleListener
    void on(ScanReceived received) {
        if (received.kind() != DestinationKind.MY_SCANS && waiting.compareAndSet(false, true)) {
            Thread.ofVirtual().name("scan-delivery-now").start(() -> {
                waiting.set(false);
                worker.deliverDue();
            });
        }
    }
}
