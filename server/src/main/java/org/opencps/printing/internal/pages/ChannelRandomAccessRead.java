package org.opencps.printing.internal.pages;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.io.RandomAccessReadView;

/**
 * PDFBox's random access over a seekable channel (the decrypting one), through one small buffer:
 * PDFBox reads the end of the file first and jumps between objects, so a stream will not do, and
 * neither plaintext on disk nor a large document whole in memory is acceptable.
 */
final class ChannelRandomAccessRead implements RandomAccessRead {

    private static final int BUFFER = 64 * 1024;

    private final SeekableByteChannel channel;
    private final long length;
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
    private long bufferStart;
    private long position;
    private boolean closed;

    ChannelRandomAccessRead(SeekableByteChannel channel) throws IOException {
        this.channel = channel;
        this.length = channel.size();
        buffer.limit(0);
    }

    @Override
    public int read() throws IOException {
        if (!fill()) {
            return -1;
        }
        int b = buffer.get((int) (position - bufferStart)) & 0xFF;
        position++;
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int offset = (int) (position - bufferStart);
        int n = Math.min(len, buffer.limit() - offset);
        buffer.get(offset, b, off, n);
        position += n;
        return n;
    }

    /** Makes the buffer hold the byte at the position; false at the end. */
    private boolean fill() throws IOException {
        ensureOpen();
        if (position >= length) {
            return false;
        }
        if (position >= bufferStart && position < bufferStart + buffer.limit()) {
            return true;
        }
        buffer.clear();
        channel.position(position);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                break;
            }
        }
        buffer.flip();
        bufferStart = position;
        return buffer.limit() > 0;
    }

    @Override
    public long getPosition() throws IOException {
        ensureOpen();
        return position;
    }

    @Override
    public void seek(long newPosition) throws IOException {
        ensureOpen();
        if (newPosition < 0) {
            throw new IOException("seek to a negative position");
        }
        position = Math.min(newPosition, length);
    }

    @Override
    public long length() throws IOException {
        ensureOpen();
        return length;
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public boolean isEOF() throws IOException {
        ensureOpen();
        return position >= length;
    }

    @Override
    public RandomAccessReadView createView(long startPosition, long streamLength) throws IOException {
        ensureOpen();
        return new RandomAccessReadView(this, startPosition, streamLength);
    }

    @Override
    public void close() throws IOException {
        closed = true;
        channel.close();
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("closed");
        }
    }
}
