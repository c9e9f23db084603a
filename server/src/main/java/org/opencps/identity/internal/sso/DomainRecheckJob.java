package org.opencps.identity.internal.sso;

import java.time.Clock;
import java.time.Duration;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.opencps.identity.internal.persistence.DomainClaimStore;
import org.opencps.platform.scheduling.PeriodicJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * Re-checks, across organizations, every e-mail domain claim not checked for {@code opencps.sso.domain-recheck-after}
 * (a day by default): pending ones become verified once their record appears, verified ones lose it when their record
 * has been gone for the grace period. ShedLock makes one server process run it at a time; a claim that fails is
 * retried at the next run and blocks no other.
 */
@Component
public class DomainRecheckJob {

    private static final Logger log = LoggerFactory.getLogger(DomainRecheckJob.class);
    private static final int BATCH = 500;

    private final DomainClaimStore claims;
    private final DomainChecks checks;
    private final Clock clock;
    private final Duration recheckAfter;

    DomainRecheckJob(DomainClaimStore claims, DomainChecks checks, Clock clock,
                     @Value("${opencps.sso.domain-recheck-after:24h}") Duration recheckAfter) {
        this.claims = claims;
        this.checks = checks;
        this.clock = clock;
        this.recheckAfter = recheckAfter;
    }

    /** Void: when another process holds the lock, ShedLock skips the call and has nothing to return. */
    @SchedulerLock(name = "identity.recheckEmailDomains", lockAtMostFor = "PT1H")
    public void recheckDue() {
        int checked = 0;
        for (var claim : claims.dueForCheck(clock.instant().minus(recheckAfter), BATCH)) {
            try {
                checks.check(claim, claims.token(claim.orgId()).orElse(null), null);
                checked++;
            } catch (RuntimeException e) {
                log.error("Could not re-check the e-mail domain {} of organization {}; it is retried at the next run",
                        claim.domain(), claim.orgId(), e);
            }
        }
        if (checked > 0) {
            log.info("Re-checked {} e-mail domain claims", checked);
        }
    }

    /** Runs {@code identity.recheckEmailDomains} once per period across the server processes. */
    @Bean
    static PeriodicJob recheckEmailDomainsPeriodically(DomainRecheckJob domainRecheckJob,
                                                       @Value("${opencps.sso.domain-check-interval:1h}") Duration every) {
        return new PeriodicJob("identity.recheckEmailDomains", every, every, Duration.parse("PT1H"),
                domainRecheckJob::recheckDue);
    }
}
