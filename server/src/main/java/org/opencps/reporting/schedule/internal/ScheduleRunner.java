package org.opencps.reporting.schedule.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.opencps.platform.changes.SettingChanged;
import org.opencps.reporting.schedule.ReportPeriod;
import org.opencps.reporting.schedule.ReportSchedule;
import org.opencps.reporting.schedule.internal.persistence.ScheduleStore;
import org.opencps.tenancy.Organization;
import org.opencps.tenancy.Organizations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends every scheduled report whose period is over, exactly once per period, in any number of
 * server processes on one database: each process claims a (schedule, period) row first (see
 * {@link ScheduleStore#claim}) and only the claimant sends it. No scheduler lock: processes may
 * send different periods at once. All times come from the injected clock. A claim whose process
 * died is taken over after the lease; its mails already sent are not sent again (each delivery
 * is recorded), except the one a crash interrupted between sending and recording. Schedules of a
 * discontinued organization send nothing (while it is discontinued); a schedule whose creator may
 * no longer see its report stops for good, logged, audited and shown on the schedules page.
 */
@Component
public class ScheduleRunner {

    private static final Logger log = LoggerFactory.getLogger(ScheduleRunner.class);

    private final ScheduleStore store;
    private final ScheduledReportSender sender;
    private final OrganizationTimeZones timeZones;
    private final Organizations organizations;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration lease;
    /** Names this process in the claims it holds; only for the record, it decides nothing. */
    private final String owner = UUID.randomUUID().toString();

    ScheduleRunner(ScheduleStore store, ScheduledReportSender sender, OrganizationTimeZones timeZones,
                   Organizations organizations, ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock,
                   @Value("${opencps.reporting.schedule-claim-lease:10m}") Duration lease) {
        this.store = store;
        this.organizations = organizations;
        this.sender = sender;
        this.timeZones = timeZones;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
        this.lease = lease;
    }

    @Scheduled(initialDelayString = "${opencps.reporting.schedule-check-interval:1m}",
            fixedDelayString = "${opencps.reporting.schedule-check-interval:1m}")
    public void sendDueReports() {
        for (ReportSchedule schedule : store.allAcrossOrganizations()) {
            try {
                sendDue(schedule);
            } catch (RuntimeException e) {
                log.error("Scheduled report {} of organization {} failed; it is retried at the next run",
                        schedule.id(), schedule.orgId(), e);
            }
        }
    }

    private void sendDue(ReportSchedule schedule) {
        if (!organizations.find(schedule.orgId()).map(Organization::active).orElse(false)) {
            return;
        }
        ZoneId zone = timeZones.of(schedule.orgId());
        Set<java.time.LocalDate> sent = store.sentPeriods(schedule.orgId(), schedule.id());
        List<ReportPeriod> due = DuePeriods.of(schedule, zone, clock.instant()).stream()
                .filter(period -> !sent.contains(period.start())).toList();
        if (due.isEmpty()) {
            return;
        }
        if (!sender.creatorMaySee(schedule)) {
            stop(schedule);
            return;
        }
        for (ReportPeriod period : due) {
            Instant now = clock.instant();
            if (!store.claim(schedule.orgId(), schedule.id(), period, owner, now, now.minus(lease))) {
                continue;
            }
            try {
                sender.send(schedule, period, zone, deliveredTo -> store.delivered(schedule.orgId(), schedule.id(), period,
                        deliveredTo, clock.instant()), store.deliveredTo(schedule.orgId(), schedule.id(), period));
                store.markSent(schedule.orgId(), schedule.id(), period, owner, clock.instant());
            } catch (RuntimeException e) {
                store.release(schedule.orgId(), schedule.id(), period, owner);
                throw e;
            }
        }
    }

    /** Stops it for good, audited with no actor: the service stopped it, not a person. */
    private void stop(ReportSchedule schedule) {
        transactions.executeWithoutResult(status -> {
            Instant now = clock.instant();
            if (store.stop(schedule.orgId(), schedule.id(), now)) {
                var stopped = new ReportSchedule(schedule.orgId(), schedule.id(), schedule.kind(), schedule.cadence(), schedule.formats(),
                        schedule.language(), schedule.people(), schedule.recipients(), schedule.createdBy(), schedule.createdAt(), now);
                events.publishEvent(new SettingChanged(schedule.orgId(), null, "REPORT_SCHEDULE_STOPPED", schedule.id().toString(),
                        schedule.asText(), stopped.asText(), now));
                log.warn("Scheduled report {} of organization {} stopped: the person who made it, {}, may no longer see it",
                        schedule.id(), schedule.orgId(), schedule.createdBy());
            }
        });
    }
}
