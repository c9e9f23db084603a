package org.opencps.platform.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Streams the {@code file} part out of a multipart/form-data body (RFC 7578) as it arrives,
 * through one bounded buffer: nothing is written to disk (a servlet container's multipart support
 * would spool large parts to temporary files, in plaintext) and nothing is held whole in memory.
 * Parts before it are skipped; parts after it are never read.
 */
public final class StreamingMultipart {

    private static final int BUFFER = 64 * 1024;
    private static final int MAX_HEADERS = 16 * 1024;
    private static final Pattern NAME = Pattern.compile("(?i);\\s*name\\s*=\\s*\"([^\"]*)\"");
    private static final Pattern FILENAME = Pattern.compile("(?i);\\s*filename\\s*=\\s*\"([^\"]*)\"");

    /** Text fields before the file part: how many, and how long each, at most. */
    static final int MAX_FIELDS = 20;
    static final int MAX_FIELD_BYTES = 1024;

    /**
     * The part's declared content type and file name (either may be null), its body, and the small
     * text fields that came before it in the form (a form lists its other fields first).
     */
    public record Part(String contentType, String filename, InputStream body, Map<String, String> fieldsBefore) {

        public String field(String name) {
            return fieldsBefore.get(name);
        }
    }

    private final InputStream in;
    private final byte[] delimiter;
    private final byte[] buffer;
    private int start;
    private int end;
    private boolean eof;

    private StreamingMultipart(InputStream in, String boundary) {
        this.in = in;
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        this.buffer = new byte[BUFFER + delimiter.length];
        // the body starts with the first delimiter, less its CRLF: pretend the CRLF was there
        buffer[0] = '\r';
        buffer[1] = '\n';
        end = 2;
    }

    /** The part named {@code file}, or null when the body has none. */
    public static Part find(InputStream in, String boundary) throws IOException {
        if (boundary == null || boundary.isEmpty() || boundary.length() > 70) {
            throw new MalformedMultipartException("the multipart boundary is missing or too long");
        }
        StreamingMultipart reader = new StreamingMultipart(in, boundary);
        reader.skipPart();
        Map<String, String> fields = new LinkedHashMap<>();
        while (reader.nextPartFollows()) {
            String headers = reader.readHeaders();
            String disposition = header(headers, "content-disposition");
            Matcher name = NAME.matcher(disposition == null ? "" : disposition);
            boolean named = name.find();
            if (named && name.group(1).equals("file")) {
                Matcher filename = FILENAME.matcher(disposition);
                return new Part(header(headers, "content-type"), filename.find() ? filename.group(1) : null,
                        reader.new Body(), Map.copyOf(fields));
            }
            if (named && fields.size() < MAX_FIELDS) {
                fields.putIfAbsent(name.group(1), reader.readField());
            } else {
                reader.skipPart();
            }
        }
        return null;
    }

    /** A small text field's value (UTF-8); a longer one is refused rather than held in memory. */
    private String readField() throws IOException {
        byte[] value = new byte[MAX_FIELD_BYTES + 1];
        int length = 0;
        int n;
        while ((n = readBody(value, length, value.length - length)) >= 0) {
            length += n;
            if (length > MAX_FIELD_BYTES) {
                throw new MalformedMultipartException("a form field before the file is longer than " + MAX_FIELD_BYTES + " bytes");
            }
        }
        return new String(value, 0, length, StandardCharsets.UTF_8);
    }

    private static String header(String headers, String name) {
        for (String line : headers.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }

    private void skipPart() throws IOException {
        byte[] scratch = new byte[BUFFER];
        while (readBody(scratch, 0, scratch.length) >= 0) {
            // discard
        }
    }

    /** After a delimiter: "--" ends the body, CRLF starts another part. */
    private boolean nextPartFollows() throws IOException {
        fill(2);
        if (end - start >= 2 && buffer[start] == '-' && buffer[start + 1] == '-') {
            return false;
        }
        while (end - start >= 1 && (buffer[start] == ' ' || buffer[start] == '\t')) {
            start++;
            fill(2);
        }
        if (end - start < 2 || buffer[start] != '\r' || buffer[start + 1] != '\n') {
            throw new MalformedMultipartException("a multipart delimiter is not followed by a line break");
        }
        start += 2;
        return true;
    }

    private String readHeaders() throws IOException {
        StringBuilder headers = new StringBuilder();
        while (true) {
            fill(1);
            if (start == end) {
                throw new MalformedMultipartException("the multipart body ends inside part headers");
            }
            headers.append((char) (buffer[start++] & 0xFF));
            int n = headers.length();
            if (n >= 4 && headers.substring(n - 4).equals("\r\n\r\n")) {
                return headers.substring(0, n - 4);
            }
            if (headers.length() == 2 && headers.toString().equals("\r\n")) {
                return "";
            }
            if (n > MAX_HEADERS) {
                throw new MalformedMultipartException("the multipart part headers are too long");
            }
        }
    }

    /** Reads the current part's body; -1 at its closing delimiter, which is then consumed. */
    private int readBody(byte[] b, int off, int len) throws IOException {
        fill(delimiter.length);
        int found = indexOfDelimiter();
        if (found == start) {
            start += delimiter.length;
            return -1;
        }
        int safe = found >= 0 ? found : end - delimiter.length + 1;
        if (safe <= start) {
            if (eof) {
                throw new MalformedMultipartException("the multipart body ends before its closing boundary");
            }
            fill(end - start + 1);
            return readBody(b, off, len);
        }
        int n = Math.min(len, safe - start);
        System.arraycopy(buffer, start, b, off, n);
        start += n;
        return n;
    }

    private int indexOfDelimiter() {
        outer:
        for (int i = start; i + delimiter.length <= end; i++) {
            for (int j = 0; j < delimiter.length; j++) {
                if (buffer[i + j] != delimiter[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Makes at least {@code wanted} bytes available, unless the stream ends first. */
    private void fill(int wanted) throws IOException {
        if (end - start >= wanted || eof) {
            return;
        }
        if (start > 0) {
            System.arraycopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }
        while (end - start < wanted && end < buffer.length) {
            int n = in.read(buffer, end, buffer.length - end);
            if (n < 0) {
                eof = true;
                return;
            }
            end += n;
        }
    }

    private final class Body extends InputStream {

        private boolean done;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (done) {
                return -1;
            }
            if (len == 0) {
                return 0;
            }
            int n = readBody(b, off, len);
            if (n < 0) {
                done = true;
            }
            return n;
        }
    }

    public static final class MalformedMultipartException extends IOException {

        public MalformedMultipartException(String message) {
            super(message);
        }
    }
}
