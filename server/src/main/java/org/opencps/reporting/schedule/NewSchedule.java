package org.opencps.reporting.schedule;

import java.util.Set;
import java.util.UUID;
import org.opencps.platform.ids.UserId;
import org.opencps.reporting.ExportFormat;

/** What a new schedule asks for; {@code language} of the mails to people (recipients get theirs). */
public record NewSchedule(String kind, Cadence cadence, Set<ExportFormat> formats, String language, Set<UserId> people,
                          Set<UUID> recipients) {
}
