package org.opencps.audit.internal.siem;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A syslog message read back the way a SIEM reads it: the RFC 5424 header's fields, and the CEF or
 * LEEF header fields and key-value pairs with their escaping undone. Written independently of the
 * formatters, from the specifications, so that a test compares what went out with what came in.
 */
record ParsedSyslog(int priority, String timestamp, String hostname, String appName, String procId, String msgId,
                    String structuredData, String body, List<String> header, Map<String, String> fields) {

    private static final Pattern RFC5424 = Pattern.compile(
            "<(\\d{1,3})>1 (\\S+) (\\S+) (\\S+) (\\S+) (\\S+) (-|\\[.*?]) (.*)", Pattern.DOTALL);

    static ParsedSyslog parse(byte[] message) {
        String text = new String(message, StandardCharsets.UTF_8);
        Matcher m = RFC5424.matcher(text);
        assertThat(m.matches()).as("an RFC 5424 message: " + text).isTrue();
        String msg = m.group(8);
        assertThat(msg).as("UTF-8 MSG starts with a BOM").startsWith("\uFEFF");
        String body = msg.substring(1);
        List<String> header;
        Map<String, String> fields;
        if (body.startsWith("CEF:")) {
            header = splitHeader(body, 7);
            fields = cefExtension(header.remove(7));
        } else if (body.startsWith("LEEF:2.0|")) {
            header = splitHeader(body, 6);
            char delimiter = header.get(5).charAt(0);
            fields = leefAttributes(header.remove(6), delimiter);
        } else {
            throw new AssertionError("neither CEF nor LEEF: " + body);
        }
        return new ParsedSyslog(Integer.parseInt(m.group(1)), m.group(2), m.group(3), m.group(4), m.group(5), m.group(6),
                m.group(7), body, header, fields);
    }

    /** The first {@code count} pipe-separated header fields (unescaped) and the rest of the text as the last element. */
    private static List<String> splitHeader(String body, int count) {
        List<String> parts = new ArrayList<>();
        var current = new StringBuilder();
        int i = 0;
        for (; i < body.length() && parts.size() < count; i++) {
            char c = body.charAt(i);
            if (c == '\\' && i + 1 < body.length() && (body.charAt(i + 1) == '|' || body.charAt(i + 1) == '\\')) {
                current.append(body.charAt(++i));
            } else if (c == '|') {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(body.substring(i));
        return parts;
    }

    /** CEF extension: {@code key=value} pairs separated by spaces; in values {@code \\ \= \n \r} are escapes. */
    private static Map<String, String> cefExtension(String extension) {
        List<int[]> keys = new ArrayList<>();
        for (int i = 0; i < extension.length(); i++) {
            char c = extension.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '=') {
                int start = i;
                while (start > 0 && Character.isLetterOrDigit(extension.charAt(start - 1))) {
                    start--;
                }
                keys.add(new int[] {start, i});
            }
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (int k = 0; k < keys.size(); k++) {
            int valueEnd = k + 1 < keys.size() ? keys.get(k + 1)[0] - 1 : extension.length();
            String key = extension.substring(keys.get(k)[0], keys.get(k)[1]);
            fields.put(key, unescape(extension.substring(keys.get(k)[1] + 1, valueEnd), '='));
        }
        return fields;
    }

    private static Map<String, String> leefAttributes(String attributes, char delimiter) {
        Map<String, String> fields = new LinkedHashMap<>();
        var current = new StringBuilder();
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < attributes.length(); i++) {
            char c = attributes.charAt(i);
            if (c == '\\' && i + 1 < attributes.length()) {
                current.append(c).append(attributes.charAt(++i));
            } else if (c == delimiter) {
                pairs.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        pairs.add(current.toString());
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            fields.put(pair.substring(0, eq), unescape(pair.substring(eq + 1), delimiter));
        }
        return fields;
    }

    private static String unescape(String value, char escapedSeparator) {
        var out = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char next = value.charAt(++i);
            if (next == 'n') {
                out.append('\n');
            } else if (next == 'r') {
                out.append('\r');
            } else if (next == '\\' || next == escapedSeparator) {
                out.append(next);
            } else {
                throw new AssertionError("unknown escape \\" + next + " in " + value);
            }
        }
        return out.toString();
    }
}
