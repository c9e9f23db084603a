package org.opencps.scanning.internal;

import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.opencps.devices.DeviceSession;
import org.opencps.documents.DocumentId;
import org.opencps.documents.Documents;
import org.opencps.documents.StoredDocument;
import org.opencps.identity.Users;
import org.opencps.printing.DocumentFormat;
import org.opencps.printing.DocumentLimitExceededException;
import org.opencps.printing.InvalidDocumentException;
import org.opencps.printing.PageCounting;
import org.opencps.scanning.DestinationKind;
import org.opencps.scanning.Scan;
import org.opencps.scanning.ScanDelivered;
import org.opencps.scanning.ScanFormat;
import org.opencps.scanning.ScanReceived;
import org.opencps.scanning.ScanRefusal;
import org.opencps.scanning.ScanRefusal.Reason;
import org.opencps.scanning.ScanRequest;
import org.opencps.scanning.ScanSettings;
import org.opencps.scanning.ScanState;
import org.opencps.scanning.internal.persistence.ScanSettingsStore;
import org.opencps.scanning.internal.persistence.ScanStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes a scan from a device: resolves and checks the destination before reading a byte, streams
 * the body into the encrypted store within the organization's size limit, counts the pages (which
 * checks the document is what its type says), and only then records the scan, due for delivery at
 * once. A refusal at any step leaves nothing: the stored document is deleted before it is reported.
 */
@Component
public class ScanIntake {

    private static final Logger log = LoggerFactory.getLogger(ScanIntake.class);

    private final ScanSettingsStore settings;
    private final Destinations destinations;
    private final Documents documents;
    private final PageCounting pages;
    private final PdfProtection protection;
    private final BoxDirectIntake boxDirect;
    private final ScanStore scans;
    private final Users users;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ScanIntake(ScanSettingsStore settings, Destinations destinations, Documents documents, PageCounting pages,
               PdfProtection protection, BoxDirectIntake boxDirect, ScanStore scans, Users users, TransactionTemplate transactions,
               ApplicationEventPublisher events, Clock clock) {
        this.settings = settings;
        this.destinations = destinations;
        this.documents = documents;
        this.pages = pages;
        this.protection = protection;
        this.boxDirect = boxDirect;
        this.scans = scans;
        this.users = users;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    public Scan accept(DeviceSession session, ScanRequest request, long declaredLength, InputStream body) {
        ScanSettings orgSettings = settings.find(session.orgId());
        Destination destination = destinations.resolve(session, request, orgSettings);
        ScanFormat format = request.format();
        if (format == null) {
            throw new ScanRefusal(Reason.FORMAT_NOT_ACCEPTED, "send the scan as application/pdf or image/jpeg");
        }
        if (destination.options() != null && !destination.options().formats().contains(format)) {
            throw new ScanRefusal(Reason.FORMAT_NOT_ACCEPTED, "the workflow " + destination.workflowName() + " does not take "
                    + format.mediaType());
        }
        boolean encrypt = request.password() != null && !request.password().isEmpty()
                || destination.options() != null && destination.options().encryptPdf();
        if (encrypt && format != ScanFormat.PDF) {
            throw new ScanRefusal(Reason.FORMAT_NOT_ACCEPTED, "only a PDF can be encrypted with a password");
        }
        long limit = orgSettings.maxScanBytes();
        if (declaredLength > limit) {
            throw new ScanRefusal(Reason.TOO_LARGE, "the scan is larger than your organization's limit of " + limit + " bytes");
        }
        if (destination.kind() == DestinationKind.BOX && orgSettings.boxDirect()) {
            if (encrypt) {
                throw new ScanRefusal(Reason.FORMAT_NOT_ACCEPTED, "with Box direct nothing is kept here to encrypt: scan without a password");
            }
            return boxDirect.straightToBox(session, request, destination, format, declaredLength, body, orgSettings);
        }
        StoredDocument stored = documents.store(session.orgId(), new UploadBody(body, declaredLength, limit));
        try {
            int pageCount = count(session, format, stored.id());
            if (encrypt) {
                StoredDocument plain = stored;
                stored = protection.encrypt(session.orgId(), plain.id(), protection.password(request.password(), destination));
                deleteQuietly(session, plain.id());
            }
            return record(session, request, destination, format, stored, pageCount, orgSettings);
        } catch (RuntimeException | Error e) {
            deleteQuietly(session, stored.id());
            throw e;
        }
    }

    private int count(DeviceSession session, ScanFormat format, DocumentId document) {
        try {
            return pages.count(format == ScanFormat.PDF ? DocumentFormat.PDF : DocumentFormat.JPEG,
                    () -> documents.open(session.orgId(), document), () -> documents.openSeekable(session.orgId(), document));
        } catch (InvalidDocumentException e) {
            throw new ScanRefusal(Reason.INVALID_DOCUMENT, "the scan is not a valid " + format.mediaType() + ": " + e.getMessage());
        }
    }

    private Scan record(DeviceSession session, ScanRequest request, Destination destination, ScanFormat format,
                        StoredDocument stored, int pageCount, ScanSettings orgSettings) {
        Instant now = clock.instant();
        boolean kept = destination.kind() == DestinationKind.MY_SCANS;
        String pattern = pattern(request, destination);
        return transactions.execute(status -> {
            String fileName = fileName(session, pattern, format, now);
            var scan = new Scan(session.orgId(), UUID.randomUUID(), session.userId(), session.deviceId(), destination.kind(),
                    destination.address(), destination.workflowName(), fileName, format, stored.size(), pageCount,
                    kept ? ScanState.DELIVERED : ScanState.PENDING, 0, null, now, kept ? now : null,
                    now.plus(Duration.ofHours(orgSettings.retentionHours())), true);
            scans.insert(scan, stored.id(), destination.workflowId(), kept ? null : now);
            events.publishEvent(new ScanReceived(scan.orgId(), scan.id(), scan.owner(), scan.device(), scan.kind(), format,
                    pageCount, stored.size(), now));
            if (kept) {
                events.publishEvent(new ScanDelivered(scan.orgId(), scan.id(), scan.owner(), scan.kind(), 0, now));
            }
            return scan;
        });
    }

    String fileName(DeviceSession session, String pattern, ScanFormat format, Instant now) {
        long counter = scans.countOfOwner(session.orgId(), session.userId()) + 1;
        String user = users.displayNameOf(session.orgId(), session.userId()).orElse("user");
        return FileNames.of(pattern, new FileNames.Values(now, user, session.deviceId().toString().substring(0, 8), counter), format);
    }

    static String pattern(ScanRequest request, Destination destination) {
        return request.fileName() != null && !request.fileName().isBlank() ? request.fileName()
                : destination.options() != null ? destination.options().fileNamePattern() : null;
    }

    private void deleteQuietly(DeviceSession session, DocumentId document) {
        try {
            documents.delete(session.orgId(), document);
        } catch (RuntimeException e) {
            log.warn("Could not delete refused scan document {} of {}; the orphan sweep will", document, session.orgId(), e);
        }
    }
}
