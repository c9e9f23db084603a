package org.opencps.audit;

import java.time.Instant;
import java.util.UUID;

/** One record of an organization's audit trail as its admins read it. */
public record AuditEntry(long seq, Instant occurredAt, String action, String outcome, UUID actor, String subject,
                         String detail, String sourceIp, String userAgent) {
}
