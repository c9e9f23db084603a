package org.opencps.client;

import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine;

/** Durations on the command line: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h}, or plain seconds. */
public final class DurationConverter implements CommandLine.ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        String text = value.strip().toLowerCase(Locale.ROOT);
        try {
            Duration duration;
            if (text.endsWith("ms")) {
                duration = Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
            } else if (text.endsWith("s")) {
                duration = Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1)));
            } else if (text.endsWith("m")) {
                duration = Duration.ofMinutes(Long.parseLong(text.substring(0, text.length() - 1)));
            } else if (text.endsWith("h")) {
                duration = Duration.ofHours(Long.parseLong(text.substring(0, text.length() - 1)));
            } else {
                duration = Duration.ofSeconds(Long.parseLong(text));
            }
            if (duration.isNegative() || duration.isZero()) {
                throw new CommandLine.TypeConversionException("a duration must be more than zero: " + value);
            }
            return duration;
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException("not a duration (like 30s, 5m, 2h): " + value);
        }
    }
}
