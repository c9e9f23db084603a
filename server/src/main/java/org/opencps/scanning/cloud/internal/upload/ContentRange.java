package org.opencps.scanning.cloud.internal.upload;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The byte ranges of resumable uploads (RFC 9110 Content-Range, and the Range header Google answers with). */
public final class ContentRange {

    private static final Pattern RANGE = Pattern.compile("bytes=0-(\\d+)");

    private ContentRange() {
    }

    /** {@code bytes first-last/total} for {@code length} bytes from {@code offset}. */
    public static String of(long offset, long length, long total) {
        return "bytes " + offset + "-" + (offset + length - 1) + "/" + total;
    }

    /** The bytes a {@code Range: bytes=0-N} header confirms (N + 1), or 0 when the header is absent. */
    public static long confirmedBy(String rangeHeader) {
        if (rangeHeader == null) {
            return 0;
        }
        Matcher m = RANGE.matcher(rangeHeader.strip());
        if (!m.matches()) {
            throw CloudCallFailed.retry("the provider confirmed an unreadable range: " + rangeHeader);
        }
        return Long.parseLong(m.group(1)) + 1;
    }
}
