package org.opencps.reporting.recipients;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;

/**
 * An e-mail address that is not a user and receives the reports scheduled to it (PRODUCT.md §2).
 * It gets them only once it {@link Status#CONFIRMED confirmed} the link mailed to it; after it
 * unsubscribed it gets nothing more. It has no login and sees nothing else.
 */
public record ReportRecipient(OrgId orgId, UUID id, String email, String language, Status status, Instant addedAt,
                              Instant confirmedAt, Instant unsubscribedAt) {

    public enum Status { PENDING, CONFIRMED, UNSUBSCRIBED }

    public boolean receivesReports() {
        return status == Status.CONFIRMED;
    }

    /** The address, its language and whether it confirmed or unsubscribed, as text by field (for the audit trail). */
    public Map<String, String> asText() {
        return Map.of("email", email, "language", language, "status", status.name());
    }
}
