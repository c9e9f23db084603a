package org.opencps.documents;

import com.google.crypto.tink.StreamingAead;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import org.opencps.documents.internal.EncryptingStreams;
import org.opencps.documents.internal.OrgKeys;
import org.opencps.documents.internal.blob.BlobStore;
import org.opencps.platform.errors.NotFoundException;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Encrypted documents, always streamed: written through a bounded buffer (one 1 MiB ciphertext
 * segment, plus one upload part on S3) and read back decrypting as they stream. Each document is
 * encrypted with its organization's current key; its ciphertext is bound to the organization and
 * document ids, so a blob moved to another name or organization does not decrypt. Callers check
 * access before they call: this module knows nothing of people.
 */
@Service
public class Documents {

    private static final int BUFFER = 64 * 1024;

    private final OrgKeys keys;
    private final EncryptingStreams encryptingStreams;
    private final BlobStore blobs;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Documents(OrgKeys keys, EncryptingStreams encryptingStreams, BlobStore blobs, ApplicationEventPublisher events, Clock clock) {
        this.keys = keys;
        this.encryptingStreams = encryptingStreams;
        this.blobs = blobs;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Encrypts and stores the content, durably, and answers with its id and plaintext size. When
     * reading the content or storing fails, nothing is left visible and the exception goes on.
     */
    public StoredDocument store(OrgId org, InputStream content) {
        DocumentId id = DocumentId.random();
        StreamingAead aead = keys.forWriting(org);
        long size = 0;
        try (BlobStore.Upload upload = blobs.begin(org, id)) {
            try (OutputStream encrypting = encryptingStreams.open(aead, new NonClosing(upload.stream()), context(org, id))) {
                byte[] buffer = new byte[BUFFER];
                for (int n; (n = content.read(buffer)) >= 0; ) {
                    encrypting.write(buffer, 0, n);
                    size += n;
                }
            }
            upload.commit();
            return new StoredDocument(id, size);
        } catch (IOException e) {
            throw new UncheckedIOException("could not store the document", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not encrypt the document", e);
        }
    }

    /** The decrypted document, streamed; the caller closes it. A tampered blob fails while reading. */
    public InputStream open(OrgId org, DocumentId id) {
        return decrypt(org, () -> blobs.read(org, id), (aead, ciphertext) -> aead.newDecryptingStream(ciphertext, context(org, id)));
    }

    /**
     * The decrypted document with random access (for parsers such as PDF's that read the end
     * first), decrypting one segment at a time: no plaintext on disk, no whole document in memory.
     */
    public SeekableByteChannel openSeekable(OrgId org, DocumentId id) {
        return decrypt(org, () -> blobs.readSeekable(org, id), (aead, ciphertext) -> {
            SeekableByteChannel plaintext = aead.newSeekableDecryptingChannel(ciphertext, context(org, id));
            // the keyset's channel finds the document's key (and so its size) on the first read
            plaintext.read(java.nio.ByteBuffer.allocate(1));
            plaintext.position(0);
            return plaintext;
        });
    }

    private interface Ciphertext<C extends Closeable> {
        /** The stored blob, or null when there is none. */
        C open() throws IOException;
    }

    private interface Decryption<C extends Closeable, P> {
        P apply(StreamingAead aead, C ciphertext) throws IOException, GeneralSecurityException;
    }

    /** Opens the blob and decrypts it with the organization's keys; the blob is closed if decryption cannot start. */
    private <C extends Closeable, P> P decrypt(OrgId org, Ciphertext<C> blob, Decryption<C, P> decryption) {
        StreamingAead aead = keys.forReading(org).orElseThrow(() -> new NotFoundException("document"));
        try {
            C ciphertext = blob.open();
            if (ciphertext == null) {
                throw new NotFoundException("document");
            }
            try {
                return decryption.apply(aead, ciphertext);
            } catch (IOException | GeneralSecurityException | RuntimeException e) {
                ciphertext.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the document", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not decrypt the document", e);
        }
    }

    public void delete(OrgId org, DocumentId id) {
        try {
            blobs.delete(org, id);
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete the document", e);
        }
    }

    /**
     * Makes a new key the one new documents of the organization are encrypted with; older keys stay
     * to read older documents. {@code requestedBy} is null when the schedule rotates. The caller has
     * checked that the person may manage the organization's settings.
     */
    @Transactional
    public DocumentKeyset rotateKey(OrgId org, UserId requestedBy) {
        DocumentKeyset rotated = keys.rotate(org);
        events.publishEvent(new DocumentKeyRotated(org, requestedBy, rotated.primaryKeyId(), clock.instant()));
        return rotated;
    }

    /** The organization's keyset, if it has one (it is made with its first document). */
    public java.util.Optional<DocumentKeyset> keyset(OrgId org) {
        return keys.describe(org);
    }

    private static byte[] context(OrgId org, DocumentId id) {
        return ("opencps document " + org + "/" + id).getBytes(StandardCharsets.UTF_8);
    }

    /** Closing the encrypting stream writes the last segment; the upload is closed by its owner. */
    private static final class NonClosing extends java.io.FilterOutputStream {

        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
