package org.opencps.ipp.internal.infra;

import com.hp.jipp.model.JobState;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.opencps.ipp.internal.persistence.InfraJobStore;
import org.opencps.printing.JobId;
import org.opencps.printing.PrintReleases;
import org.opencps.printing.Release;
import org.springframework.stereotype.Component;

/**
 * The jobs of an Infrastructure Printer: those released to the printer (fetchable until the
 * printer acknowledges one), and those it has taken before. A job's IPP state follows from
 * both: fetchable jobs are pending, taken ones are what the printer last said, and a job no
 * longer released to the printer has ended.
 */
@Component
class InfraJobs {

    private final PrintReleases releases;
    private final InfraJobStore store;
    private final Clock clock;

    InfraJobs(PrintReleases releases, InfraJobStore store, Clock clock) {
        this.releases = releases;
        this.store = store;
        this.clock = clock;
    }

    /** A job as the printer sees it; {@code release} is null once the job is no longer released to it. */
    record InfraJob(InfraJobStore.Row row, Release release) {

        int number() {
            return row.number();
        }

        boolean fetchable() {
            return release != null && !row.acknowledged();
        }

        JobState state() {
            if (release == null) {
                Integer reported = row.deviceJobState();
                return reported != null && reported == JobState.completed.getCode() ? JobState.completed : JobState.aborted;
            }
            if (!row.acknowledged()) {
                return JobState.pending;
            }
            Integer reported = row.deviceJobState();
            return reported == null ? JobState.processing : JobState.Companion.get(reported);
        }

        List<String> reasons() {
            if (fetchable()) {
                return List.of("job-fetchable");
            }
            return switch (state().getCode()) {
                case 9 -> List.of("job-completed-successfully");
                case 8 -> List.of("aborted-by-system");
                case 7 -> List.of("job-canceled-at-device");
                default -> List.of("none");
            };
        }
    }

    /** The jobs released to the printer and not yet reported, each with its job number. */
    List<InfraJob> released(OutputDevice device) {
        return releases.releasedTo(device.orgId(), device.id()).stream()
                .map(release -> new InfraJob(store.numberFor(device.orgId(), device.id(), release.jobId(),
                        release.releasedAt(), clock.instant()), release))
                .toList();
    }

    /** Every job the printer knows a number of: released ones first numbered, then those it had before. */
    List<InfraJob> all(OutputDevice device) {
        Map<JobId, Release> current = released(device).stream()
                .collect(Collectors.toMap(job -> job.release().jobId(), InfraJob::release));
        return store.ofDevice(device.orgId(), device.id()).stream()
                .map(row -> new InfraJob(row, current.get(row.printJobId())))
                .toList();
    }

    Optional<InfraJob> find(OutputDevice device, int number) {
        return store.find(device.orgId(), device.id(), number).map(row -> new InfraJob(row, releaseOf(device, row.printJobId())));
    }

    private Release releaseOf(OutputDevice device, JobId job) {
        return releases.releasedTo(device.orgId(), device.id()).stream()
                .filter(release -> release.jobId().equals(job))
                .findFirst().orElse(null);
    }
}
