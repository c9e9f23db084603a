package org.opencps.audit;

import java.time.Instant;
import java.util.UUID;

/** Which records to list: each criterion that is null matches every record. {@code to} is exclusive. */
public record AuditFilter(Instant from, Instant to, UUID actor, String action, String outcome) {

    public static final AuditFilter ALL = new AuditFilter(null, null, null, null, null);
}
