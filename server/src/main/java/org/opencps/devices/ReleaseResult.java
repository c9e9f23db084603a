package org.opencps.devices;

import java.util.List;
import org.opencps.printing.JobId;

/** What became of each job a person asked to release: released whole, or refused whole with the reason. */
public record ReleaseResult(List<ReleaseTicket> released, List<Refusal> refused) {

    public record Refusal(JobId jobId, String reason) {
    }
}
