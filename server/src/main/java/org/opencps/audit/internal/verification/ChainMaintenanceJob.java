package org.opencps.audit.internal.verification;

import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.opencps.audit.internal.persistence.ChainStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
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

    @Scheduled(initialDelayString = "${opencps.audit.seal-interval:15m}", fixedDelayString = "${opencps.audit.seal-interval:15m}")
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

    @Scheduled(initialDelayString = "${opencps.audit.prune-interval:1h}", fixedDelayString = "${opencps.audit.prune-interval:1h}")
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
}
