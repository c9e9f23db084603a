package org.opencps.platform.scheduling;

import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.context.annotation.Configuration;

/**
 * The ShedLock locks of the periodic jobs ({@link PeriodicJobs} takes them before it claims a
 * period; the jobs' {@code @SchedulerLock} methods take the same lock when called directly). The
 * lock provider is in the persistence package.
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "PT30M")
class SchedulingConfiguration {
}
