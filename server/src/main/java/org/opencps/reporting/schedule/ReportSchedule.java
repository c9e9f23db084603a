package org.opencps.reporting.schedule;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.reporting.ExportFormat;

/**
 * A report sent once per period to people of the organization and to its report recipients (who
 * get it only while confirmed), as CSV and/or PDF. The first period sent is the one in which the
 * schedule was made. It is sent in the name of the person who made it: once they may no longer see
 * the report, it stops ({@code stoppedAt}) and sends nothing more.
 */
public record ReportSchedule(OrgId orgId, UUID id, String kind, Cadence cadence, Set<ExportFormat> formats, String language,
                             Set<UserId> people, Set<UUID> recipients, UserId createdBy, Instant createdAt, Instant stoppedAt) {

    public ReportSchedule {
        formats = Set.copyOf(formats);
        people = Set.copyOf(people);
        recipients = Set.copyOf(recipients);
    }

    /** A schedule that sends (not stopped). */
    public ReportSchedule(OrgId orgId, UUID id, String kind, Cadence cadence, Set<ExportFormat> formats, String language,
                          Set<UserId> people, Set<UUID> recipients, UserId createdBy, Instant createdAt) {
        this(orgId, id, kind, cadence, formats, language, people, recipients, createdBy, createdAt, null);
    }

    public boolean stopped() {
        return stoppedAt != null;
    }

    /** What the schedule sends, to whom, and whether it stopped, as text by field (for the audit trail). */
    public Map<String, String> asText() {
        Map<String, String> text = new LinkedHashMap<>();
        text.put("kind", kind);
        text.put("cadence", cadence.name());
        text.put("formats", sorted(formats));
        text.put("language", language);
        text.put("people", sorted(people));
        text.put("recipients", sorted(recipients));
        text.put("stopped", Boolean.toString(stopped()));
        return text;
    }

    private static String sorted(Set<?> values) {
        return values.stream().map(Object::toString).sorted().toList().toString();
    }
}
