package org.opencps.tenancy.internal.offboarding;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.scheduling.PeriodicJob;
import org.opencps.tenancy.internal.persistence.OrganizationTreeQueries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * Purges, across all organizations, every one discontinued at least the retention period ago
 * (90 days by default). ShedLock makes one server process run it at a time; each organization is
 * purged in its own transaction, so one that fails is retried at the next run and blocks no other.
 */
@Component
public class ExpiredOrganizationsPurgeJob {

    private static final Logger log = LoggerFactory.getLogger(ExpiredOrganizationsPurgeJob.class);

    private final OrganizationTreeQueries queries;
    private final OrganizationPurger purger;
    private final OffboardingProperties properties;
    private final Clock clock;

    ExpiredOrganizationsPurgeJob(OrganizationTreeQueries queries, OrganizationPurger purger,
                                 OffboardingProperties properties, Clock clock) {
        this.queries = queries;
        this.purger = purger;
        this.properties = properties;
        this.clock = clock;
    }

    /** Void: when another process holds the lock, ShedLock skips the call and has nothing to return. */
    @SchedulerLock(name = "tenancy.purgeExpiredOrganizations", lockAtMostFor = "PT1H")
    public void purgeExpiredOrganizations() {
        Instant cutoff = clock.instant().minus(properties.retention());
        int purged = 0;
        for (OrgId id : queries.discontinuedAtOrBefore(cutoff)) {
            try {
                if (purger.purgeIfRetentionEnded(id, cutoff)) {
                    purged++;
                }
            } catch (RuntimeException e) {
                log.error("Could not purge organization {}; it is retried at the next run", id, e);
            }
        }
        if (purged > 0) {
            log.info("Purged {} organizations whose retention period ended", purged);
        }
    }

    /** Runs {@code tenancy.purgeExpiredOrganizations} once per period across the server processes. */
    @Bean
    static PeriodicJob purgeExpiredOrganizationsPeriodically(ExpiredOrganizationsPurgeJob expiredOrganizationsPurgeJob,
                                                             @Value("${opencps.offboarding.check-interval:1h}") Duration every) {
        return new PeriodicJob("tenancy.purgeExpiredOrganizations", every, every, Duration.parse("PT1H"),
                expiredOrganizationsPurgeJob::purgeExpiredOrganizations);
    }
}
