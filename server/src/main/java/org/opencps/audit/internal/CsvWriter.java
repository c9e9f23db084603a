package org.opencps.audit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Rows of comma-separated values as RFC 4180 has them: CRLF after each row, a field quoted when
 * it holds a comma, a quote, CR or LF, and its quotes doubled. A field that a spreadsheet would
 * run as a formula (starting with =, +, -, @, tab or CR) gets a leading apostrophe, so that
 * opening an export runs nothing someone typed into a record.
 */
public final class CsvWriter {

    private final Writer out;

    public CsvWriter(Writer out) {
        this.out = out;
    }

    public void row(String... fields) {
        try {
            for (int i = 0; i < fields.length; i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(field(fields[i]));
            }
            out.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String field(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String text = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0;
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
