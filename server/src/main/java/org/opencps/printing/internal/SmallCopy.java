package org.opencps.printing.internal;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Passes a document through and keeps a copy of what passed, up to a bound: a document that
 * ended within it can have its pages counted from memory instead of being read back, decrypting,
 * from the store. The copy grows with the document, so a small one costs little.
 */
final class SmallCopy extends FilterInputStream {

    private final int bound;
    private ByteArrayOutputStream copy = new ByteArrayOutputStream(8192);
    private boolean ended;

    SmallCopy(InputStream in, int bound) {
        super(in);
        this.bound = bound;
    }

    /** The whole document, if it has been read to its end and stayed within the bound; else null. */
    byte[] whole() {
        return ended && copy != null ? copy.toByteArray() : null;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b < 0) {
            ended = true;
        } else if (keep(1)) {
            copy.write(b);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n < 0) {
            ended = true;
        } else if (keep(n)) {
            copy.write(b, off, n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        copy = null;
        return super.skip(n);
    }

    private boolean keep(int n) {
        if (copy != null && copy.size() + n > bound) {
            copy = null;
        }
        return copy != null;
    }
}
