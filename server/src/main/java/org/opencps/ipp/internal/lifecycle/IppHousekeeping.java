package org.opencps.ipp.internal.lifecycle;

import java.time.Clock;
import java.time.Duration;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.opencps.identity.MemberRemoved;
import org.opencps.ipp.internal.persistence.InfraJobStore;
import org.opencps.ipp.internal.persistence.InfraSubscriptionStore;
import org.opencps.ipp.internal.persistence.IppJobStore;
import org.opencps.ipp.internal.persistence.QueueStore;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.scheduling.PeriodicJob;
import org.opencps.tenancy.OrganizationPurgeParticipant;
import org.opencps.tenancy.OrganizationSettings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the IPP tables in step with the rest: a purged organization loses its queues and jobs,
 * a person who leaves an organization loses their queue there (and its secret URL), and IPP job
 * numbers (of queues and of INFRA printers) are forgotten once every print job they could name has passed its retention,
 * and the rows of INFRA subscriptions whose lease ran out are deleted (they count as gone already).
 */
@Component
class IppHousekeeping implements OrganizationPurgeParticipant {

    /** The longest job retention an organization can set, and a day more. */
    static final Duration JOB_NUMBER_RETENTION = Duration.ofHours(OrganizationSettings.MAX_RETENTION_HOURS).plusDays(1);

    private final QueueStore queues;
    private final IppJobStore jobs;
    private final InfraJobStore infraJobs;
    private final InfraSubscriptionStore subscriptions;
    private final Clock clock;

    IppHousekeeping(QueueStore queues, IppJobStore jobs, InfraJobStore infraJobs, InfraSubscriptionStore subscriptions,
                    Clock clock) {
        this.queues = queues;
        this.jobs = jobs;
        this.infraJobs = infraJobs;
        this.subscriptions = subscriptions;
        this.clock = clock;
    }

    @Override
    public void purgeOrganizationData(OrgId org) {
        queues.deleteOrganization(org);
        infraJobs.deleteOrganization(org);
    }

    @EventListener
    void on(MemberRemoved event) {
        queues.deleteQueueOf(event.org(), event.member());
    }

    @SchedulerLock(name = "ipp.forgetOldJobNumbers", lockAtMostFor = "PT1H")
    public void forgetOldJobNumbers() {
        jobs.deleteCreatedBeforeAcrossOrganizations(clock.instant().minus(JOB_NUMBER_RETENTION));
        infraJobs.deleteCreatedBeforeAcrossOrganizations(clock.instant().minus(JOB_NUMBER_RETENTION));
        subscriptions.deleteExpiredAcrossOrganizations(clock.instant());
    }

    /** Runs {@code ipp.forgetOldJobNumbers} once per period across the server processes. */
    @Bean
    static PeriodicJob forgetOldJobNumbersPeriodically(IppHousekeeping ippHousekeeping,
                                                       @Value("${opencps.ipp.housekeeping-interval:6h}") Duration every,
                                                       @Value("${opencps.ipp.housekeeping-initial-delay:10m}") Duration initialDelay) {
        return new PeriodicJob("ipp.forgetOldJobNumbers", every, initialDelay, Duration.parse("PT1H"),
                ippHousekeeping::forgetOldJobNumbers);
    }
}
