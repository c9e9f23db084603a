package org.opencps.audit.internal.siem;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A syslog message per RFC 5424: {@code <PRI>1 TIMESTAMP HOSTNAME APP-NAME PROCID MSGID STRUCTURED-DATA MSG},
 * the MSG in UTF-8 after a byte order mark (as the RFC asks of UTF-8 text), and the octet-counting
 * frame of RFC 5425 / RFC 6587 for TCP: {@code MSG-LEN SP SYSLOG-MSG}.
 */
final class Syslog5424 {

    static final int SEVERITY_WARNING = 4;
    static final int SEVERITY_NOTICE = 5;
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final int facility;
    private final String hostname;
    private final String appName;

    Syslog5424(int facility, String hostname, String appName) {
        if (facility < 0 || facility > 23) {
            throw new IllegalArgumentException("a syslog facility is 0 to 23");
        }
        this.facility = facility;
        this.hostname = headerField(hostname, 255);
        this.appName = headerField(appName, 48);
    }

    byte[] message(AuditRecord record, String body) {
        int severity = record.refusal() ? SEVERITY_WARNING : SEVERITY_NOTICE;
        String header = "<" + (facility * 8 + severity) + ">1 " + TIMESTAMP.format(record.occurredAt()) + " " + hostname + " "
                + appName + " - " + headerField(record.type(), 32) + " - ";
        var out = new ByteArrayOutputStream(header.length() + body.length() + 8);
        out.writeBytes(header.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(BOM);
        out.writeBytes(body.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** RFC 6587 octet counting, as RFC 5425 frames messages over TLS. */
    static byte[] octetCounted(byte[] message) {
        byte[] length = (message.length + " ").getBytes(StandardCharsets.US_ASCII);
        byte[] frame = new byte[length.length + message.length];
        System.arraycopy(length, 0, frame, 0, length.length);
        System.arraycopy(message, 0, frame, length.length, message.length);
        return frame;
    }

    /** A header field: printable US-ASCII without spaces, at most {@code max} long, "-" (the nil value) when empty. */
    static String headerField(String value, int max) {
        if (value == null) {
            return "-";
        }
        var out = new StringBuilder();
        for (char c : value.toCharArray()) {
            if (out.length() == max) {
                break;
            }
            out.append(c > 32 && c < 127 ? c : '_');
        }
        return out.isEmpty() ? "-" : out.toString();
    }
}
