package org.opencps.client.device;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.opencps.client.CommandFailure;
import org.opencps.client.TicketOptions;
import org.opencps.client.device.DeviceMessages.HeldJob;
import org.opencps.client.device.DeviceMessages.ReleaseRequest;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Which of the person's held jobs to release, and the overrides asked for at the panel. */
public final class ReleaseOptions {

    @Option(names = "--release", paramLabel = "all|ID", split = ",",
            description = "release all held jobs, or these job ids (comma-separated)")
    private List<String> release = new ArrayList<>();

    @Mixin
    private TicketOptions overrides;

    void validate(boolean loggingIn) {
        overrides.validate();
        if (!release.isEmpty() && !loggingIn) {
            throw CommandFailure.usage("--release needs a person logged in: --pin, --card or --email with --password-file");
        }
        if (overrides.anyGiven() && release.isEmpty()) {
            throw CommandFailure.usage("--copies, --color, --monochrome, --duplex and --simplex apply to --release");
        }
        if (release.contains("all") && release.size() > 1) {
            throw CommandFailure.usage("--release takes \"all\" or job ids, not both");
        }
        for (String id : release) {
            if (!id.equals("all")) {
                try {
                    UUID.fromString(id);
                } catch (IllegalArgumentException e) {
                    throw CommandFailure.usage("--release: not a job id: " + id);
                }
            }
        }
    }

    List<String> jobIds(List<HeldJob> held) {
        if (release.equals(List.of("all"))) {
            return held.stream().map(HeldJob::jobId).toList();
        }
        return List.copyOf(release);
    }

    ReleaseRequest request(List<String> jobIds) {
        return new ReleaseRequest(jobIds, overrides.copies(), overrides.colorMode(), overrides.sides());
    }
}
