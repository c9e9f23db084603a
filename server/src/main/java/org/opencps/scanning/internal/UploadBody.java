package org.opencps.scanning.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.opencps.scanning.ScanRefusal;
import org.opencps.scanning.ScanRefusal.Reason;

/**
 * The device's request body as it streams in: refused as too large as soon as it passes the limit,
 * and as truncated when it breaks off (a read error) or ends before its declared length.
 */
final class UploadBody extends FilterInputStream {

    private final long declaredLength;
    private final long limit;
    private long count;

    /** {@code declaredLength} is -1 when the request declared none (chunked). */
    UploadBody(InputStream in, long declaredLength, long limit) {
        super(in);
        this.declaredLength = declaredLength;
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        int n;
        try {
            n = super.read(b, off, len);
        } catch (IOException e) {
            throw new ScanRefusal(Reason.TRUNCATED, "the upload broke off after " + count + " bytes");
        }
        if (n < 0) {
            if (declaredLength >= 0 && count < declaredLength) {
                throw new ScanRefusal(Reason.TRUNCATED, "the upload ended after " + count + " of " + declaredLength + " bytes");
            }
            if (count == 0) {
                throw new ScanRefusal(Reason.INVALID_DOCUMENT, "the upload is empty");
            }
            return n;
        }
        count += n;
        if (count > limit) {
            throw new ScanRefusal(Reason.TOO_LARGE, "the scan is larger than your organization's limit of " + limit + " bytes");
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] buffer = new byte[(int) Math.min(8192, Math.max(n, 1))];
        int read = read(buffer, 0, (int) Math.min(buffer.length, n));
        return Math.max(read, 0);
    }

    long count() {
        return count;
    }
}
