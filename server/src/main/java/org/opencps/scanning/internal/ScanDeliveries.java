package org.opencps.scanning.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.time.Duration;
import org.opencps.documents.Documents;
import org.opencps.scanning.DestinationKind;
import org.opencps.scanning.Scan;
import org.opencps.scanning.cloud.CloudStorage;
import org.opencps.scanning.cloud.CloudUpload;
import org.opencps.scanning.cloud.CloudUploadOutcome;
import org.opencps.scanning.internal.persistence.ScanSettingsStore;
import org.opencps.scanning.internal.persistence.ScanStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Component;

/**
 * One delivery attempt of a scan to its destination, answering how it went. E-mail to the person
 * attaches the scan up to the organization's attachment limit and sends a link to My scans above
 * it; an address-book recipient cannot open My scans, so a larger scan fails for them (its owner is
 * told and still has it in My scans). Cloud kinds go through {@link CloudStorage}, resuming the
 * upload session begun under the scan's id.
 */
@Component
class ScanDeliveries {

    private final Documents documents;
    private final ScanSettingsStore settings;
    private final ScanMail mail;
    private final ObjectProvider<CloudStorage> cloud;

    ScanDeliveries(Documents documents, ScanSettingsStore settings, ScanMail mail, ObjectProvider<CloudStorage> cloud) {
        this.documents = documents;
        this.settings = settings;
        this.mail = mail;
        this.cloud = cloud;
    }

    CloudUploadOutcome attempt(ScanStore.Row row, Duration retryAfter) {
        Scan scan = row.scan();
        if (row.document() == null) {
            return new CloudUploadOutcome.Failed("the scan is no longer kept");
        }
        try {
            return switch (scan.kind()) {
                case MY_SCANS -> new CloudUploadOutcome.Delivered(null);
                case EMAIL_ME, ADDRESS_BOOK -> email(row);
                default -> cloud(row, retryAfter);
            };
        } catch (MailException e) {
            return new CloudUploadOutcome.RetryLater(retryAfter, "the mail server did not take the message: " + e.getClass().getSimpleName());
        }
    }

    private CloudUploadOutcome email(ScanStore.Row row) {
        Scan scan = row.scan();
        boolean toOwner = scan.kind() == DestinationKind.EMAIL_ME;
        String to = toOwner ? mail.ownerAddress(scan.orgId(), scan) : scan.destination();
        if (scan.size() > settings.find(scan.orgId()).attachmentLimitBytes()) {
            if (!toOwner) {
                return new CloudUploadOutcome.Failed("the scan is larger than your organization's e-mail attachment limit");
            }
            mail.linked(to, scan);
        } else {
            mail.attached(to, scan, () -> documents.open(scan.orgId(), row.document()));
        }
        return new CloudUploadOutcome.Delivered(null);
    }

    private CloudUploadOutcome cloud(ScanStore.Row row, Duration retryAfter) {
        Scan scan = row.scan();
        CloudStorage storage = cloud.getIfAvailable();
        if (storage == null) {
            return new CloudUploadOutcome.Failed("cloud storage is not configured on this server");
        }
        var service = scan.kind().cloud().orElseThrow();
        return storage.upload(new CloudUpload(scan.id().toString(), scan.orgId(), scan.owner(), service, scan.fileName(),
                scan.format().mediaType(), scan.size(), offset -> from(row, offset)));
    }

    private InputStream from(ScanStore.Row row, long offset) throws IOException {
        SeekableByteChannel channel = documents.openSeekable(row.scan().orgId(), row.document());
        try {
            channel.position(offset);
            return Channels.newInputStream(channel);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }
}
