package org.opencps.scanning.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.opencps.documents.DocumentId;
import org.opencps.documents.Documents;
import org.opencps.documents.StoredDocument;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.secrets.ServerSecrets;
import org.opencps.scanning.ScanRefusal;
import org.opencps.scanning.ScanRefusal.Reason;
import org.springframework.stereotype.Component;

/**
 * Password-protected scan PDFs (AES-256). The password comes from the device's request or, sealed,
 * from the workflow; it is used here and forgotten: never stored with the scan, never logged.
 * PDFBox holds a document it encrypts in memory (a scratch file would put plaintext on disk), so an
 * encrypted scan is bounded by {@code opencps.scanning.max-encrypted-size}.
 */
@Component
class PdfProtection {

    private final Documents documents;
    private final ServerSecrets secrets;
    private final long maxSize;

    PdfProtection(Documents documents, ServerSecrets secrets, ScanningProperties properties) {
        this.documents = documents;
        this.secrets = secrets;
        this.maxSize = properties.maxEncryptedSize().toBytes();
    }

    /** The device's password if it gave one, else the workflow's. */
    String password(String fromDevice, Destination destination) {
        if (fromDevice != null && !fromDevice.isEmpty()) {
            return fromDevice;
        }
        if (destination.sealedPassword() == null) {
            throw new ScanRefusal(Reason.FORMAT_NOT_ACCEPTED, "the workflow encrypts PDFs but has no password");
        }
        return secrets.open(destination.sealedPassword(), context(destination.workflowId()));
    }

    /** Stores an encrypted copy of the stored PDF; the caller deletes the plain one. */
    StoredDocument encrypt(OrgId org, DocumentId plain, String password) {
        long size;
        byte[] content;
        try (InputStream in = documents.open(org, plain)) {
            content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxSize + 1));
            size = content.length;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (size > maxSize) {
            throw new ScanRefusal(Reason.TOO_LARGE, "a scan to encrypt may be at most " + maxSize + " bytes");
        }
        var encrypted = new ByteArrayOutputStream((int) size + 4096);
        try (PDDocument pdf = Loader.loadPDF(new RandomAccessReadBuffer(content))) {
            var policy = new StandardProtectionPolicy(password, password, new AccessPermission());
            policy.setEncryptionKeyLength(256);
            policy.setPreferAES(true);
            pdf.protect(policy);
            pdf.save(encrypted);
        } catch (IOException e) {
            throw new ScanRefusal(Reason.INVALID_DOCUMENT, "the PDF could not be encrypted: " + e.getMessage());
        }
        return documents.store(org, new ByteArrayInputStream(encrypted.toByteArray()));
    }

    private static String context(UUID workflow) {
        return "opencps scan workflow password " + workflow;
    }
}
