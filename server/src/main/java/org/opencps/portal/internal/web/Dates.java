package org.opencps.portal.internal.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/**
 * Times on pages: written in UTC by the server, inside a {@code <time>} element whose machine-readable
 * value portal.js turns into the reader's own time zone. Templates call it as {@code @dates}.
 */
@Component("dates")
public class Dates {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    public String shown(Instant instant) {
        return instant == null ? "" : SHOWN.format(instant);
    }

    public String iso(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ISO_INSTANT.format(instant);
    }
}
