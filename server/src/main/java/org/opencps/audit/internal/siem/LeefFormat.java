package org.opencps.audit.internal.siem;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * IBM's Log Event Extended Format 2.0: {@code LEEF:2.0|Vendor|Product|Version|EventID|^|key=value^key=value}, the
 * attributes separated by the caret the header names. In the header a pipe or backslash is escaped
 * with a backslash and line breaks become spaces; in a value a backslash and the caret are escaped
 * with a backslash and line breaks are written {@code \n} and {@code \r}, so a value never ends an
 * attribute or the message early.
 */
final class LeefFormat implements MessageFormat {

    static final char DELIMITER = '^';
    static final String TIME_FORMAT = "yyyy-MM-dd'T'HH:mm:ss.SSSX";
    private static final DateTimeFormatter DEV_TIME = DateTimeFormatter.ofPattern(TIME_FORMAT).withZone(java.time.ZoneOffset.UTC);

    @Override
    public String format(AuditRecord record, String productVersion) {
        var header = String.join("|", "LEEF:2.0", CefFormat.header(ProductName.VENDOR), CefFormat.header(ProductName.PRODUCT),
                CefFormat.header(productVersion), CefFormat.header(record.type()), String.valueOf(DELIMITER));
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("devTime", DEV_TIME.format(record.occurredAt()));
        attributes.put("devTimeFormat", TIME_FORMAT);
        attributes.put("cat", record.type());
        attributes.put("sev", record.refusal() ? "7" : "3");
        attributes.put("externalId", record.id().toString());
        if (record.org() != null) {
            attributes.put("organization", record.org().toString());
        }
        if (record.actor() != null) {
            attributes.put("usrName", record.actor().toString());
        }
        if (record.sourceIp() != null) {
            attributes.put("src", record.sourceIp());
        }
        if (record.subject() != null) {
            attributes.put("resource", record.subject());
        }
        if (record.detail() != null) {
            attributes.put("msg", record.detail());
        }
        var text = new StringBuilder(header).append('|');
        String separator = "";
        for (var entry : attributes.entrySet()) {
            text.append(separator).append(entry.getKey()).append('=').append(value(entry.getValue()));
            separator = String.valueOf(DELIMITER);
        }
        return text.toString();
    }

    static String value(String value) {
        var out = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case DELIMITER -> out.append('\\').append(DELIMITER);
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
