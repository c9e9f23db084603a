package org.opencps.reporting.schedule;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.opencps.access.AccessPolicy;
import org.opencps.access.Permission;
import org.opencps.identity.Users;
import org.opencps.platform.changes.SettingChanged;
import org.opencps.platform.errors.InvalidInputException;
import org.opencps.platform.errors.NotFoundException;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.platform.security.Actor;
import org.opencps.reporting.ExportFormat;
import org.opencps.reporting.recipients.RecipientLanguages;
import org.opencps.reporting.recipients.ReportRecipients;
import org.opencps.reporting.schedule.internal.ReportKinds;
import org.opencps.reporting.schedule.internal.persistence.ScheduleStore;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Scheduled reports (PRODUCT.md §6): daily, weekly or monthly in the organization's time zone, as
 * CSV and/or PDF, to people of the organization and to its report recipients. Whoever schedules
 * needs {@link Permission#REPORT_SCHEDULES_MANAGE} and must be allowed to see the report itself.
 * Sending is {@code ScheduleRunner}'s, exactly once per period.
 */
@Service
public class ReportSchedules {

    /** The most people and recipients one schedule goes to. */
    public static final int MAX_TARGETS = 50;

    private final AccessPolicy policy;
    private final ScheduleStore store;
    private final ReportKinds kinds;
    private final ReportRecipients recipients;
    private final Users users;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ReportSchedules(AccessPolicy policy, ScheduleStore store, ReportKinds kinds, ReportRecipients recipients, Users users,
                    ApplicationEventPublisher events, Clock clock) {
        this.policy = policy;
        this.store = store;
        this.kinds = kinds;
        this.recipients = recipients;
        this.users = users;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public ReportSchedule create(Actor actor, OrgId org, NewSchedule request) {
        policy.require(actor, Permission.REPORT_SCHEDULES_MANAGE, org);
        ScheduledReportKind kind = kinds.find(request.kind())
                .orElseThrow(() -> new InvalidInputException("kind", "problem.schedule.kind", "the report kind is one of " + kinds.ids()));
        kind.requireView(actor, org);
        if (request.cadence() == null) {
            throw new InvalidInputException("cadence", "problem.schedule.cadence", "the cadence is DAILY, WEEKLY or MONTHLY");
        }
        Set<ExportFormat> formats = request.formats() == null ? Set.of() : Set.copyOf(request.formats());
        if (formats.isEmpty() || !kind.formats().containsAll(formats)) {
            throw new InvalidInputException("formats", "problem.schedule.formats", "this report is sent as one or more of " + kind.formats(),
                    kind.formats().toString());
        }
        String language = RecipientLanguages.validate("language", request.language());
        Set<UserId> people = request.people() == null ? Set.of() : Set.copyOf(request.people());
        Set<UUID> recipientIds = request.recipients() == null ? Set.of() : Set.copyOf(request.recipients());
        if (people.isEmpty() && recipientIds.isEmpty()) {
            throw new InvalidInputException("people", "problem.schedule.nobody", "a schedule sends to at least one person or report recipient");
        }
        if (people.size() + recipientIds.size() > MAX_TARGETS) {
            throw new InvalidInputException("people", "problem.schedule.tooMany", "a schedule sends to at most " + MAX_TARGETS + " people and recipients",
                    MAX_TARGETS);
        }
        for (UserId person : people) {
            if (!users.isMember(org, person)) {
                throw new InvalidInputException("people", "problem.schedule.notMember", person + " is not a member of this organization");
            }
        }
        if (!recipients.allExist(org, recipientIds)) {
            throw new InvalidInputException("recipients", "problem.schedule.recipients", "each recipient must be a report recipient of this organization");
        }
        var schedule = new ReportSchedule(org, UUID.randomUUID(), kind.id(), request.cadence(), formats, language, people,
                recipientIds, actor.userId(), clock.instant());
        store.insert(schedule);
        events.publishEvent(new SettingChanged(org, actor.userId(), "REPORT_SCHEDULE_CREATED", schedule.id().toString(), Map.of(),
                schedule.asText(), clock.instant()));
        return schedule;
    }

    public List<ReportSchedule> list(Actor actor, OrgId org) {
        policy.require(actor, Permission.REPORT_SCHEDULES_MANAGE, org);
        return store.all(org);
    }

    @Transactional
    public void delete(Actor actor, OrgId org, UUID id) {
        policy.require(actor, Permission.REPORT_SCHEDULES_MANAGE, org);
        ReportSchedule schedule = store.find(org, id).orElseThrow(() -> new NotFoundException("schedule"));
        if (!store.delete(org, id)) {
            throw new NotFoundException("schedule");
        }
        events.publishEvent(new SettingChanged(org, actor.userId(), "REPORT_SCHEDULE_DELETED", id.toString(), schedule.asText(),
                Map.of(), clock.instant()));
    }

    /** The kinds of report that can be scheduled, by id. */
    public List<String> kinds() {
        return kinds.ids();
    }
}
