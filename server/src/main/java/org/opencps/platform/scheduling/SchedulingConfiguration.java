package org.opencps.platform.scheduling;

import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.context.annotation.Configuration;

/**
 * Scheduled jobs (purges, expiries) run in one server process at a time: each takes a ShedLock
 * lock first (the lock provider is in the persistence package).
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "PT30M")
class SchedulingConfiguration {
}
