package org.opencps.operations.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import org.opencps.scanning.DestinationKind;
import org.opencps.scanning.ScanDelivered;
import org.opencps.scanning.ScanDeliveryFailed;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Counts scans delivered to their destination and scans whose delivery failed for good, by the
 * kind of destination (my scans, e-mail, a cloud drive). Counted once the change committed.
 */
@Component
class ScanningMetrics {

    private final MeterRegistry registry;

    ScanningMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (DestinationKind kind : DestinationKind.values()) {
            delivered(kind);
            failed(kind);
        }
    }

    @EventListener
    void on(ScanDelivered e) {
        Counter delivered = delivered(e.kind());
        AfterCommit.run(delivered::increment);
    }

    @EventListener
    void on(ScanDeliveryFailed e) {
        Counter failed = failed(e.kind());
        AfterCommit.run(failed::increment);
    }

    private Counter delivered(DestinationKind kind) {
        return Counter.builder("opencps.scans.delivered").description("Scans delivered to their destination, by its kind")
                .tag("kind", kind.name().toLowerCase(Locale.ROOT)).register(registry);
    }

    private Counter failed(DestinationKind kind) {
        return Counter.builder("opencps.scans.failed").description("Scans whose delivery failed for good, by the destination's kind")
                .tag("kind", kind.name().toLowerCase(Locale.ROOT)).register(registry);
    }
}
