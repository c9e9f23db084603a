package org.opencps.platform.changes;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.platform.origin.RequestOrigin;

/**
 * Data of an organization left the server as a file (PRODUCT.md §8, "data export"):
 * {@code auditType} names the export in the trail (e.g. USAGE_REPORT_EXPORTED), {@code subject}
 * what was exported from, {@code what} describes it field by field (report, range, format). Never
 * the exported data itself.
 */
public record DataExported(OrgId orgId, UserId exportedBy, String auditType, String subject, Map<String, String> what,
                           Instant at, UUID eventId, RequestOrigin origin) {

    public DataExported {
        what = Map.copyOf(what);
    }

    /** A new occurrence, with an {@code eventId} of its own, taken in the request served on this thread (if any). */
    public DataExported(OrgId orgId, UserId exportedBy, String auditType, String subject, Map<String, String> what, Instant at) {
        this(orgId, exportedBy, auditType, subject, what, at, UUID.randomUUID(), RequestOrigin.current());
    }
}
