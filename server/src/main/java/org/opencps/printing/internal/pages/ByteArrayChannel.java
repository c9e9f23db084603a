package org.opencps.printing.internal.pages;

import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;

/** A read-only seekable channel over a byte array, for counting the pages of a document held in memory. */
final class ByteArrayChannel implements SeekableByteChannel {

    private final byte[] data;
    private int position;
    private boolean open = true;

    ByteArrayChannel(byte[] data) {
        this.data = data;
    }

    @Override
    public int read(ByteBuffer destination) throws ClosedChannelException {
        requireOpen();
        if (position >= data.length) {
            return -1;
        }
        int n = Math.min(destination.remaining(), data.length - position);
        destination.put(data, position, n);
        position += n;
        return n;
    }

    @Override
    public int write(ByteBuffer source) {
        throw new NonWritableChannelException();
    }

    @Override
    public long position() throws ClosedChannelException {
        requireOpen();
        return position;
    }

    @Override
    public SeekableByteChannel position(long newPosition) throws ClosedChannelException {
        requireOpen();
        if (newPosition < 0) {
            throw new IllegalArgumentException("negative position");
        }
        position = (int) Math.min(newPosition, data.length);
        return this;
    }

    @Override
    public long size() throws ClosedChannelException {
        requireOpen();
        return data.length;
    }

    @Override
    public SeekableByteChannel truncate(long size) {
        throw new NonWritableChannelException();
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() {
        open = false;
    }

    private void requireOpen() throws ClosedChannelException {
        if (!open) {
            throw new ClosedChannelException();
        }
    }
}
