package org.opencps.reporting.schedule.internal.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.opencps.platform.errors.InvalidInputException;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.platform.security.Actor;
import org.opencps.reporting.schedule.Cadence;
import org.opencps.reporting.schedule.NewSchedule;
import org.opencps.reporting.ExportFormat;
import org.opencps.reporting.schedule.ReportSchedule;
import org.opencps.reporting.schedule.ReportSchedules;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Report schedules", description = "Reports mailed daily, weekly or monthly to people and report recipients")
class ScheduleController {

    private final ReportSchedules schedules;

    ScheduleController(ReportSchedules schedules) {
        this.schedules = schedules;
    }

    record ScheduleBody(String kind, Cadence cadence, Set<ExportFormat> formats, String language, Set<UUID> people,
                        Set<UUID> recipients) {
    }

    record ScheduleResponse(UUID id, String kind, Cadence cadence, Set<ExportFormat> formats, String language,
                            Set<UUID> people, Set<UUID> recipients, Instant createdAt) {

        static ScheduleResponse of(ReportSchedule s) {
            return new ScheduleResponse(s.id(), s.kind(), s.cadence(), s.formats(), s.language(),
                    s.people().stream().map(UserId::value).collect(Collectors.toSet()), s.recipients(), s.createdAt());
        }
    }

    @GetMapping("/api/v1/organizations/{orgId}/report-schedules")
    @Operation(summary = "The organization's scheduled reports")
    List<ScheduleResponse> list(@Parameter(hidden = true) Actor actor, @PathVariable OrgId orgId) {
        return schedules.list(actor, orgId).stream().map(ScheduleResponse::of).toList();
    }

    @PostMapping("/api/v1/organizations/{orgId}/report-schedules")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Schedule a report: sent once per period, after it ends, in the organization's time zone")
    ScheduleResponse create(@Parameter(hidden = true) Actor actor, @PathVariable OrgId orgId, @RequestBody ScheduleBody body) {
        if ((body.people() != null && body.people().contains(null)) || (body.recipients() != null && body.recipients().contains(null))) {
            throw new InvalidInputException("people", "problem.schedule.nullIds", "people and recipients are lists of ids, without null");
        }
        Set<UserId> people = body.people() == null ? Set.of()
                : body.people().stream().map(UserId::new).collect(Collectors.toSet());
        return ScheduleResponse.of(schedules.create(actor, orgId, new NewSchedule(body.kind(), body.cadence(), body.formats(),
                body.language(), people, body.recipients())));
    }

    @DeleteMapping("/api/v1/organizations/{orgId}/report-schedules/{scheduleId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Stop a scheduled report")
    void delete(@Parameter(hidden = true) Actor actor, @PathVariable OrgId orgId, @PathVariable UUID scheduleId) {
        schedules.delete(actor, orgId, scheduleId);
    }
}
