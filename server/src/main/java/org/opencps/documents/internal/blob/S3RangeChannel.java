package org.opencps.documents.internal.blob;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Random access to an object through ranged GETs, one per read: the decrypting channel reads whole
 * ciphertext segments (1 MiB), so each read is one request for one segment.
 */
final class S3RangeChannel implements SeekableByteChannel {

    private final S3Client s3;
    private final String bucket;
    private final String key;
    private final long size;
    private long position;
    private boolean open = true;

    S3RangeChannel(S3Client s3, String bucket, String key, long size) {
        this.s3 = s3;
        this.bucket = bucket;
        this.key = key;
        this.size = size;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        ensureOpen();
        if (position >= size) {
            return -1;
        }
        int wanted = (int) Math.min(dst.remaining(), size - position);
        if (wanted == 0) {
            return 0;
        }
        String range = "bytes=" + position + "-" + (position + wanted - 1);
        int read = 0;
        try (InputStream in = s3.getObject(b -> b.bucket(bucket).key(key).range(range))) {
            byte[] chunk = new byte[Math.min(wanted, 64 * 1024)];
            while (read < wanted) {
                int n = in.read(chunk, 0, Math.min(chunk.length, wanted - read));
                if (n < 0) {
                    break;
                }
                dst.put(chunk, 0, n);
                read += n;
            }
        }
        position += read;
        return read;
    }

    @Override
    public int write(ByteBuffer src) {
        throw new NonWritableChannelException();
    }

    @Override
    public long position() throws IOException {
        ensureOpen();
        return position;
    }

    @Override
    public SeekableByteChannel position(long newPosition) throws IOException {
        ensureOpen();
        if (newPosition < 0) {
            throw new IllegalArgumentException("negative position");
        }
        position = newPosition;
        return this;
    }

    @Override
    public long size() throws IOException {
        ensureOpen();
        return size;
    }

    @Override
    public SeekableByteChannel truncate(long newSize) {
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

    private void ensureOpen() throws IOException {
        if (!open) {
            throw new ClosedChannelException();
        }
    }
}
