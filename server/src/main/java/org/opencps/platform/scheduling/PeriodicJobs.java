package org.opencps.platform.scheduling;

import io.micrometer.core.instrument.MeterRegistry;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import net.javacrumbs.shedlock.core.LockProvider;
import org.opencps.platform.internal.persistence.JobRunStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.stereotype.Component;

/**
 * Schedules every {@link PeriodicJob} bean. Each process looks at a job twice per period (at
 * most every {@code opencps.jobs.max-look-interval}, 1 minute by default), so every period is
 * looked at even when one process runs alone and its looks drift; only the first look in a period
 * that claims it runs the job.
 */
@Component
class PeriodicJobs implements SchedulingConfigurer {

    private final List<PeriodicJob> jobs;
    private final JobRunner runner;
    private final Duration maxLookInterval;

    PeriodicJobs(List<PeriodicJob> jobs, JobRunStore runs, LockProvider lockProvider, MeterRegistry meters,
                 @Value("${opencps.jobs.max-look-interval:1m}") Duration maxLookInterval) {
        this.jobs = jobs;
        this.maxLookInterval = maxLookInterval;
        this.runner = new JobRunner(runs, lockProvider, meters, processName());
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        for (PeriodicJob job : jobs) {
            Duration look = lookInterval(job.period());
            Duration first = job.initialDelay().compareTo(look) > 0 ? job.initialDelay() : look;
            registrar.addFixedDelayTask(new FixedDelayTask(() -> runner.look(job), look, first));
        }
    }

    Duration lookInterval(Duration period) {
        Duration half = period.dividedBy(2);
        Duration look = half.compareTo(maxLookInterval) < 0 ? half : maxLookInterval;
        return look.isZero() ? Duration.ofMillis(1) : look;
    }

    /** Names this process in the run records: its pid and host, and a few random digits for contexts sharing a JVM. */
    private static String processName() {
        byte[] random = new byte[2];
        ThreadLocalRandom.current().nextBytes(random);
        return ManagementFactory.getRuntimeMXBean().getName() + "/" + HexFormat.of().formatHex(random);
    }

}
