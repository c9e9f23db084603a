package org.opencps.scanning.cloud.internal.upload;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import org.opencps.scanning.cloud.ScanContent;

/**
 * Reads a document chunk by chunk into one reused buffer, from any offset, so that no more than one
 * chunk is ever in memory. A jump to another offset (the provider confirmed less than was sent)
 * reopens the content there.
 */
public final class Chunks implements AutoCloseable {

    private final ScanContent content;
    private final long size;
    private final byte[] buffer;
    private InputStream stream;
    private long position;

    public Chunks(ScanContent content, long size, int chunkSize) {
        this.content = content;
        this.size = size;
        this.buffer = new byte[(int) Math.min(chunkSize, Math.max(1, size))];
    }

    /** Reads the chunk starting at {@code offset} into the buffer; answers its length. */
    public int read(long offset) throws IOException {
        if (stream == null || position != offset) {
            close();
            stream = content.openFrom(offset);
            position = offset;
        }
        int length = (int) Math.min(buffer.length, size - offset);
        int read = stream.readNBytes(buffer, 0, length);
        position += read;
        if (read < length) {
            throw new EOFException("the stored scan ended at " + position + " of " + size + " bytes");
        }
        return length;
    }

    public byte[] buffer() {
        return buffer;
    }

    @Override
    public void close() throws IOException {
        if (stream != null) {
            stream.close();
            stream = null;
        }
    }
}
