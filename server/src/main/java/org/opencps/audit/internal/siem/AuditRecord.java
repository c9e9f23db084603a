package org.opencps.audit.internal.siem;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * One audit record as it leaves for a SIEM. {@code org} and {@code actor} are null for what
 * belongs to no organization or had no signed-in actor.
 */
public record AuditRecord(UUID id, UUID org, Instant occurredAt, String type, UUID actor, String subject, String detail,
                          String sourceIp) {

    /** Whether the record tells of a refusal or a failure (a SIEM's warning) rather than a change made. */
    public boolean refusal() {
        String t = type.toUpperCase(Locale.ROOT);
        return t.contains("FAIL") || t.contains("REFUSED") || t.contains("LOCK") || t.contains("MISUSE")
                || t.contains("THROTTLED") || t.contains("DENIED") || t.contains("NOT_ALLOWED");
    }
}
