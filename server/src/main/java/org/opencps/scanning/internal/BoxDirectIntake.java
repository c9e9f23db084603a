package org.opencps.scanning.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.opencps.devices.DeviceSession;
import org.opencps.scanning.Scan;
import org.opencps.scanning.ScanDelivered;
import org.opencps.scanning.ScanDeliveryFailed;
import org.opencps.scanning.ScanFormat;
import org.opencps.scanning.ScanReceived;
import org.opencps.scanning.ScanRefusal;
import org.opencps.scanning.ScanRefusal.Reason;
import org.opencps.scanning.ScanRequest;
import org.opencps.scanning.ScanSettings;
import org.opencps.scanning.ScanState;
import org.opencps.scanning.cloud.BoxDirect;
import org.opencps.scanning.cloud.CloudUploadOutcome;
import org.opencps.scanning.internal.persistence.ScanStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Box direct: the body streams from the device into Box while the device waits, and nothing of it
 * is kept here (no blob, no file). Box needs the size first, so the upload must declare its
 * Content-Length. Without keeping the document its pages cannot be counted (a PDF's page tree is
 * read from its end): such scans are recorded with 0 pages. The scan's row says how Box took it.
 */
@Component
class BoxDirectIntake {

    private final ObjectProvider<BoxDirect> box;
    private final ScanStore scans;
    private final ObjectProvider<ScanIntake> intake;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    BoxDirectIntake(ObjectProvider<BoxDirect> box, ScanStore scans, ObjectProvider<ScanIntake> intake,
                    TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock) {
        this.box = box;
        this.scans = scans;
        this.intake = intake;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    Scan straightToBox(DeviceSession session, ScanRequest request, Destination destination, ScanFormat format,
                       long declaredLength, InputStream body, ScanSettings settings) {
        BoxDirect direct = box.getIfAvailable();
        if (direct == null) {
            throw new ScanRefusal(Reason.DESTINATION_NOT_CONFIGURED, "Box direct is not configured on this server");
        }
        if (declaredLength < 0) {
            throw new ScanRefusal(Reason.TRUNCATED, "with Box direct the upload must declare its Content-Length");
        }
        Instant now = clock.instant();
        String fileName = intake.getObject().fileName(session, ScanIntake.pattern(request, destination), format, now);
        CloudUploadOutcome outcome;
        try {
            outcome = direct.upload(session.orgId(), session.userId(), fileName, format.mediaType(), declaredLength,
                    new UploadBody(body, declaredLength, settings.maxScanBytes()));
        } catch (IOException e) {
            outcome = new CloudUploadOutcome.Failed("Box did not take the scan: " + e.getMessage());
        }
        boolean delivered = outcome instanceof CloudUploadOutcome.Delivered;
        String error = switch (outcome) {
            case CloudUploadOutcome.Delivered d -> null;
            case CloudUploadOutcome.RetryLater later -> later.reason();
            case CloudUploadOutcome.Failed failed -> failed.reason();
        };
        Instant done = clock.instant();
        var scan = new Scan(session.orgId(), UUID.randomUUID(), session.userId(), session.deviceId(), destination.kind(), null,
                destination.workflowName(), fileName, format, declaredLength, 0, delivered ? ScanState.DELIVERED : ScanState.FAILED,
                1, error, now, done, now.plus(Duration.ofHours(settings.retentionHours())), false);
        return transactions.execute(status -> {
            scans.insert(scan, null, destination.workflowId(), null);
            events.publishEvent(new ScanReceived(scan.orgId(), scan.id(), scan.owner(), scan.device(), scan.kind(), format, 0,
                    declaredLength, now));
            events.publishEvent(delivered
                    ? new ScanDelivered(scan.orgId(), scan.id(), scan.owner(), scan.kind(), 1, done)
                    : new ScanDeliveryFailed(scan.orgId(), scan.id(), scan.owner(), scan.kind(), 1, error, done));
            return scan;
        });
    }
}
