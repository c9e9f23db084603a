package org.opencps.documents.internal.blob;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.SeekableByteChannel;
import java.time.Instant;
import java.util.function.Consumer;
import org.opencps.documents.DocumentId;
import org.opencps.platform.ids.OrgId;

/**
 * Where ciphertext lives. A blob is written through an {@link Upload} and becomes visible, whole,
 * only on {@link Upload#commit()}; an upload that is abandoned (or whose process dies) leaves at
 * most an incomplete upload that {@link #list} reports for the sweep.
 */
public interface BlobStore {

    Upload begin(OrgId org, DocumentId id) throws IOException;

    /** Null when there is no such blob. */
    InputStream read(OrgId org, DocumentId id) throws IOException;

    /** Null when there is no such blob. */
    SeekableByteChannel readSeekable(OrgId org, DocumentId id) throws IOException;

    void delete(OrgId org, DocumentId id) throws IOException;

    void deleteAll(OrgId org) throws IOException;

    /** Every blob and incomplete upload, across all organizations, for the orphan sweep. */
    void list(Consumer<Blob> each) throws IOException;

    /** Deletes a blob or incomplete upload found by {@link #list}. */
    void remove(Blob blob) throws IOException;

    interface Upload extends AutoCloseable {

        OutputStream stream();

        /** Makes the blob durable and visible. */
        void commit() throws IOException;

        /** Removes whatever was written, if not committed; safe to call after commit. */
        @Override
        void close();
    }

    /**
     * {@code id} is null for an incomplete upload; {@code handle} is what {@link #remove} needs;
     * {@code size} is the ciphertext's size in bytes (0 for an incomplete upload).
     */
    record Blob(OrgId org, DocumentId id, Instant lastModified, String handle, long size) {

        public boolean incomplete() {
            return id == null;
        }
    }
}
