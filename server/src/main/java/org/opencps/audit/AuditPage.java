package org.opencps.audit;

import java.util.List;

/** One page of audit records, newest first; {@code more} when older ones follow. */
public record AuditPage(List<AuditEntry> entries, int page, int size, boolean more) {
}
