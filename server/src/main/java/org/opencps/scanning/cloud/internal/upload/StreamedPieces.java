package org.opencps.scanning.cloud.internal.upload;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import org.opencps.scanning.cloud.ScanContent;

/**
 * A document sent piece by piece straight from its stream, for a provider that takes a piece of
 * any length (Google Drive): no piece is held in memory, however large. The stream is reused
 * from one piece to the next while the provider confirms everything sent; any other offset (the
 * provider kept less, or a request broke off) reopens the content there.
 */
final class StreamedPieces implements AutoCloseable {

    private final ScanContent content;
    private InputStream stream;
    private long position;
    private Piece sending;

    StreamedPieces(ScanContent content) {
        this.content = content;
    }

    /** The body of a request carrying {@code length} bytes from {@code offset}. */
    HttpRequest.BodyPublisher piece(long offset, long length) throws IOException {
        settle();
        if (stream == null || position != offset) {
            close();
            stream = content.openFrom(offset);
            position = offset;
        }
        Piece piece = new Piece(stream, length);
        sending = piece;
        return HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> piece), length);
    }

    /** Where the stream stands after the piece last sent: known only if it was read to its end. */
    private void settle() throws IOException {
        if (sending != null) {
            if (sending.remaining == 0) {
                position += sending.length;
            } else {
                close();
            }
            sending = null;
        }
    }

    @Override
    public void close() throws IOException {
        if (stream != null) {
            stream.close();
            stream = null;
        }
    }

    /** At most {@code length} bytes of the underlying stream, which it leaves open. */
    private static final class Piece extends FilterInputStream {

        private final long length;
        private long remaining;

        Piece(InputStream in, long length) {
            super(in);
            this.length = length;
            this.remaining = length;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (remaining == 0) {
                return -1;
            }
            int read = in.read(b, off, (int) Math.min(len, remaining));
            if (read > 0) {
                remaining -= read;
            }
            return read;
        }

        @Override
        public long skip(long n) {
            throw new UnsupportedOperationException("a piece is read in order");
        }

        @Override
        public int available() throws IOException {
            return (int) Math.min(in.available(), remaining);
        }

        @Override
        public void close() {
            // the document's stream serves the next piece
        }
    }
}
