package org.opencps.devices;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a printer says of its state in IPP's terms (RFC 8011 printer-state, printer-state-reasons,
 * printer-state-message), as an IPP INFRA proxy reports it. A null field was not in this report:
 * the value reported before stays (a proxy sends only what changed). An empty report says the
 * printer is still there and nothing changed; a printer never reported on is taken to be idle.
 */
public record PrinterStateReport(State state, List<String> reasons, String message) {

    public enum State { IDLE, PROCESSING, STOPPED }

    public static final int MAX_REASONS = 16;
    public static final int MAX_REASON_LENGTH = 100;
    /** An IPP keyword (RFC 8011 §5.1.4): lower-case letter first, then letters, digits, '-', '_' and '.'. */
    private static final Pattern KEYWORD = Pattern.compile("[a-z][a-z0-9._-]*");

    public PrinterStateReport {
        reasons = reasons == null ? null : Collections.unmodifiableList(new ArrayList<>(reasons));
    }

    /** Whether a printer-state-reasons value can be kept: a keyword of at most {@link #MAX_REASON_LENGTH} characters. */
    public static boolean isReason(String value) {
        return value != null && value.length() <= MAX_REASON_LENGTH && KEYWORD.matcher(value).matches();
    }
}
