package org.opencps.scanning.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opencps.scanning.ScanFormat;
import org.opencps.scanning.ScanOptions;

/**
 * A scan's file name from a pattern with the placeholders {date} {time} {user} {device} {counter},
 * made safe for every destination: no path separators, control or reserved characters, no leading
 * dot, at most 120 characters before the format's extension.
 */
public final class FileNames {

    static final int MAX_LENGTH = 120;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(date|time|user|device|counter)}");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmmss").withZone(ZoneOffset.UTC);

    private FileNames() {
    }

    public record Values(Instant at, String user, String device, long counter) {
    }

    public static String of(String pattern, Values values, ScanFormat format) {
        String source = pattern == null || pattern.isBlank() ? ScanOptions.DEFAULT_FILE_NAME : pattern;
        Matcher matcher = PLACEHOLDER.matcher(source);
        StringBuilder name = new StringBuilder();
        while (matcher.find()) {
            String value = switch (matcher.group(1)) {
                case "date" -> DATE.format(values.at());
                case "time" -> TIME.format(values.at());
                case "user" -> values.user();
                case "device" -> values.device();
                default -> Long.toString(values.counter());
            };
            matcher.appendReplacement(name, Matcher.quoteReplacement(value == null ? "" : value));
        }
        matcher.appendTail(name);
        String safe = sanitize(name.toString());
        String extension = "." + format.extension();
        if (safe.toLowerCase(java.util.Locale.ROOT).endsWith(extension)) {
            safe = safe.substring(0, safe.length() - extension.length());
        }
        if (safe.isEmpty()) {
            safe = "scan";
        }
        return safe + extension;
    }

    /** Letters, digits, space and - _ . ( ) + stay; anything else becomes _; runs of dots become one; leading dots, underscores and spaces go. */
    static String sanitize(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> {
            boolean keep = Character.isLetterOrDigit(c) || c == ' ' || c == '-' || c == '_' || c == '.' || c == '(' || c == ')' || c == '+';
            out.appendCodePoint(keep ? c : '_');
        });
        String result = out.toString().replaceAll("\\.{2,}", ".").replaceAll("^[._ ]+", "").replaceAll("[. ]+$", "").replaceAll("_{2,}", "_");
        if (result.codePointCount(0, result.length()) > MAX_LENGTH) {
            result = result.substring(0, result.offsetByCodePoints(0, MAX_LENGTH));
        }
        return result;
    }
}
