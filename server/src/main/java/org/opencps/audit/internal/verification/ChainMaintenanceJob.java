package org.opencps.audit.internal.verification;

import java.time.Duration;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.opencps.audit.internal.persistence.ChainStore;
import org.opencps.platform.scheduling.PeriodicJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * Seals every chain's head at intervals ({@code opencps.audit.seal-interval}, 15 minutes by
 * default) and prunes records older than each organization's retention (hourly). ShedLock makes
 * one server process run each at a time; a chain that fails is tried again at the next run and
 * keeps no other from its turn.
 */
@Component
class ChainMaintenanceJob {

    private static final Logger log = LoggerFactory.getLogger(ChainMaintenanceJob.class);

    private final ChainStore chains;
    private final ChainMaintenance maintenance;

    ChainMaintenanceJob(ChainStore chains, ChainMaintenance maintenance) {
        this.chains = chains;
        this.maintenance = maintenance;
    }

    @SchedulerLock(name = "audit.sealChains", lockAtMostFor = "PT15M")
    public void sealChains() {
        for (UUID chain : chains.chains()) {
            try {
                maintenance.seal(chain);
            } catch (RuntimeException e) {
                log.error("Could not seal the audit chain {}; it is tried again at the next run", chain, e);
            }
        }
    }

    @SchedulerLock(name = "audit.pruneChains", lockAtMostFor = "PT1H")
    public void pruneChains() {
        int pruned = 0;
        for (UUID chain : chains.chains()) {
            try {
                pruned += maintenance.prune(chain);
            } catch (RuntimeException e) {
                log.error("Could not prune the audit chain {}; it is tried again at the next run", chain, e);
            }
        }
        if (pruned > 0) {
            log.info("Pruned {} audit records older than their organization's retention", pruned);
        }
    }

    /** Runs {@code audit.sealChains} once per period across the server processes. */
    @Bean
    static PeriodicJob sealChainsPeriodically(ChainMaintenanceJob chainMaintenanceJob,
                                              @Value("${opencps.audit.seal-interval:15m}") Duration every) {
        return new PeriodicJob("audit.sealChains", every, every, Duration.parse("PT15M"),
                chainMaintenanceJob::sealChains);
    }

    /** Runs {@code audit.pruneChains} once per period across the server processes. */
    @Bean
    static PeriodicJob pruneChainsPeriodically(ChainMaintenanceJob chainMaintenanceJob,
                                               @Value("${opencps.audit.prune-interval:1h}") Duration every) {
        return new PeriodicJob("audit.pruneChains", every, every, Duration.parse("PT1H"),
                chainMaintenanceJob::pruneChains);
    }
}
