package org.opencps.reporting.schedule;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.reporting.ExportFormat;

/**
 * A report sent once per period to people of the organization and to its report recipients (who
 * get it only while confirmed), as CSV and/or PDF. The first period sent is the one in which the
 * schedule was made.
 */
public record ReportSchedule(OrgId orgId, UUID id, String kind, Cadence cadence, Set<ExportFormat> formats, String language,
                             Set<UserId> people, Set<UUID> recipients, UserId createdBy, Instant createdAt) {

    public ReportSchedule {
        formats = Set.copyOf(formats);
        people = Set.copyOf(people);
        recipients = Set.copyOf(recipients);
    }
}
