package org.opencps.reporting.contracts.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * CSV as RFC 4180 has it: UTF-8, a header row, CRLF line ends, a field quoted when it holds a
 * comma, quote or line break, quotes doubled. A text that a spreadsheet would run as a formula
 * (it starts with =, +, -, @, tab or CR) gets a leading apostrophe; numbers are written as they are.
 */
public final class Csv {

    private final StringBuilder out = new StringBuilder();

    public Csv(String... header) {
        row(Arrays.asList((Object[]) header));
    }

    public Csv row(Object... fields) {
        return row(Arrays.asList(fields));
    }

    private Csv row(List<Object> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(fields.get(i)));
        }
        out.append("\r\n");
        return this;
    }

    public byte[] bytes() {
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return out.toString();
    }

    private static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!(value instanceof Number) && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
