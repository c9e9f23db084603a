package org.opencps.audit.internal.siem;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * ArcSight Common Event Format, version 0: {@code CEF:0|Vendor|Product|Version|SignatureID|Name|Severity|Extension}.
 * In the header a pipe or backslash is escaped with a backslash and line breaks become spaces; in
 * the extension a value's backslash, equals sign and line breaks are escaped ({@code \\ \= \n \r}).
 */
final class CefFormat implements MessageFormat {

    @Override
    public String format(AuditRecord record, String productVersion) {
        var header = String.join("|", "CEF:0", header(ProductName.VENDOR), header(ProductName.PRODUCT), header(productVersion),
                header(record.type()), header(ProductName.describe(record.type())), record.refusal() ? "7" : "3");
        Map<String, String> extension = new LinkedHashMap<>();
        extension.put("rt", Long.toString(record.occurredAt().toEpochMilli()));
        extension.put("externalId", record.id().toString());
        extension.put("cat", record.type());
        extension.put("outcome", record.refusal() ? "failure" : "success");
        if (record.org() != null) {
            extension.put("cs1Label", "organization");
            extension.put("cs1", record.org().toString());
        }
        if (record.actor() != null) {
            extension.put("suid", record.actor().toString());
        }
        if (record.sourceIp() != null) {
            extension.put("src", record.sourceIp());
        }
        if (record.subject() != null) {
            extension.put("cs2Label", "subject");
            extension.put("cs2", record.subject());
        }
        if (record.detail() != null) {
            extension.put("msg", record.detail());
        }
        var text = new StringBuilder(header).append('|');
        String separator = "";
        for (var entry : extension.entrySet()) {
            text.append(separator).append(entry.getKey()).append('=').append(extensionValue(entry.getValue()));
            separator = " ";
        }
        return text.toString();
    }

    static String header(String value) {
        var out = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '|' -> out.append("\\|");
                case '\r', '\n' -> out.append(' ');
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static String extensionValue(String value) {
        var out = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '=' -> out.append("\\=");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
