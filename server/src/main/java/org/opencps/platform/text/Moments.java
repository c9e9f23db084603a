package org.opencps.platform.text;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** A moment as a person reads it: in their language's way of writing dates, in a given time zone, which it names. */
public final class Moments {

    private Moments() {
    }

    public static String shown(Instant instant, ZoneId zone, Locale language) {
        DateTimeFormatter dateAndTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(language).withZone(zone);
        DateTimeFormatter zoneName = DateTimeFormatter.ofPattern("zzz", language).withZone(zone);
        return dateAndTime.format(instant) + " " + zoneName.format(instant);
    }
}
