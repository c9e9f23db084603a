package org.opencps.devices.internal.web;

import java.util.List;
import org.opencps.printing.JobId;
import org.opencps.printing.JobTicket;
import org.opencps.printing.ReleaseOptions;

/** The jobs to release and the overrides (each left out keeps the job's own), applied to each job within policy. */
record ReleaseRequest(List<JobId> jobIds, Integer copies, JobTicket.ColorMode colorMode, JobTicket.Sides sides) {

    ReleaseOptions options() {
        return new ReleaseOptions(copies, colorMode, sides);
    }
}
