package org.opencps.printing.internal.pages;

import java.io.IOException;
import java.io.InputStream;
import org.opencps.printing.InvalidDocumentException;

/**
 * A JPEG is one page, once it is known to be a real JPEG: it starts with SOI, its marker segments
 * are well formed up to the scan, a frame header (SOFn) with sane dimensions comes before the first
 * scan, and the entropy-coded data ends with EOI. Pixels are never decoded.
 */
final class JpegCheck {

    private final int maxDimension;

    JpegCheck(int maxDimension) {
        this.maxDimension = maxDimension;
    }

    int count(InputStream in) throws IOException {
        if (in.read() != 0xFF || in.read() != 0xD8) {
            throw invalid("it does not start with a JPEG start-of-image marker");
        }
        boolean frame = false;
        while (true) {
            int marker = nextMarker(in);
            if (marker == 0xD9) {
                throw invalid("it ends before any image data");
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                continue;
            }
            int length = (read(in) << 8) | read(in);
            if (length < 2) {
                throw invalid("a JPEG segment has an impossible length");
            }
            if (isFrame(marker)) {
                if (length < 8) {
                    throw invalid("the JPEG frame header is too short");
                }
                read(in);
                int height = (read(in) << 8) | read(in);
                int width = (read(in) << 8) | read(in);
                int components = read(in);
                if (width == 0 || height == 0 || width > maxDimension || height > maxDimension
                        || components < 1 || components > 4) {
                    throw invalid("the JPEG image of " + width + " x " + height + " pixels and " + components
                            + " components is outside the accepted dimensions (up to " + maxDimension + ")");
                }
                skip(in, length - 8);
                frame = true;
            } else if (marker == 0xDA) {
                if (!frame) {
                    throw invalid("the JPEG scan comes before any frame header");
                }
                skip(in, length - 2);
                scanToEnd(in);
                return 1;
            } else {
                skip(in, length - 2);
            }
        }
    }

    private static boolean isFrame(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }

    /** Walks entropy-coded data and any further scans and tables until EOI. */
    private static void scanToEnd(InputStream in) throws IOException {
        int previous = 0;
        for (int b; (b = in.read()) >= 0; previous = b) {
            if (previous == 0xFF && b == 0xD9) {
                return;
            }
        }
        throw invalid("the JPEG data ends without an end-of-image marker");
    }

    private static int nextMarker(InputStream in) throws IOException {
        if (read(in) != 0xFF) {
            throw invalid("a JPEG marker was expected");
        }
        int marker;
        do {
            marker = read(in);
        } while (marker == 0xFF);
        return marker;
    }

    private static int read(InputStream in) throws IOException {
        int b = in.read();
        if (b < 0) {
            throw invalid("the JPEG data ends too early");
        }
        return b;
    }

    private static void skip(InputStream in, long n) throws IOException {
        while (n > 0) {
            long skipped = in.skip(n);
            if (skipped <= 0) {
                read(in);
                skipped = 1;
            }
            n -= skipped;
        }
    }

    private static InvalidDocumentException invalid(String why) {
        return new InvalidDocumentException("not a valid JPEG: " + why);
    }
}
