package org.opencps.devices;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import org.opencps.printing.JobId;

/** What became of each job a person asked to release: released whole, or refused whole with the reason. */
public record ReleaseResult(List<ReleaseTicket> released, List<Refusal> refused) {

    /** The reason in English; the refusal itself, for a page to say it in the reader's language. */
    public record Refusal(JobId jobId, String reason, @JsonIgnore RuntimeException cause) {

        public Refusal(JobId jobId, RuntimeException cause) {
            this(jobId, cause.getMessage(), cause);
        }
    }
}
