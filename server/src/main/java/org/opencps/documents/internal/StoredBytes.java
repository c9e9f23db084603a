package org.opencps.documents.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.opencps.documents.internal.blob.BlobStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The metric {@code opencps_documents_stored_bytes}: the encrypted documents' total size in the store
 * (filesystem or bucket), measured by listing it now and then (a listing per scrape would be too
 * dear on a large bucket); NaN until the first measurement. Every process measures the same store.
 */
@Component
class StoredBytes {

    private static final Logger log = LoggerFactory.getLogger(StoredBytes.class);

    private final BlobStore blobs;
    private final AtomicLong measured = new AtomicLong(-1);

    StoredBytes(BlobStore blobs, MeterRegistry registry) {
        this.blobs = blobs;
        Gauge.builder("opencps.documents.stored", measured, bytes -> bytes.get() < 0 ? Double.NaN : bytes.get())
                .baseUnit("bytes").description("Encrypted documents in the store, as last measured").register(registry);
    }

    @Scheduled(initialDelayString = "${opencps.documents.stored-bytes-initial-delay:10s}",
            fixedDelayString = "${opencps.documents.stored-bytes-interval:15m}")
    void measure() {
        LongAdder total = new LongAdder();
        try {
            blobs.list(blob -> {
                if (!blob.incomplete()) {
                    total.add(blob.size());
                }
            });
        } catch (IOException | RuntimeException e) {
            log.warn("Could not measure the document store's size; measuring again later", e);
            return;
        }
        measured.set(total.sum());
    }
}
