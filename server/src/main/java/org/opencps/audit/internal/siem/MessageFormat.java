package org.opencps.audit.internal.siem;

/** How an audit record is written into a syslog message's MSG part: CEF or LEEF. */
sealed interface MessageFormat permits CefFormat, LeefFormat {

    String format(AuditRecord record, String productVersion);

    static MessageFormat of(SiemTarget.Format format) {
        return switch (format) {
            case CEF -> new CefFormat();
            case LEEF -> new LeefFormat();
        };
    }
}
