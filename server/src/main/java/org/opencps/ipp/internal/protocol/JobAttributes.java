package org.opencps.ipp.internal.protocol;

import static org.opencps.ipp.internal.protocol.PrinterAttributes.calendar;
import static org.opencps.ipp.internal.protocol.PrinterAttributes.upTime;

import com.hp.jipp.encoding.Attribute;
import com.hp.jipp.model.JobState;
import com.hp.jipp.model.Types;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The job attributes of RFC 8011 §5.3 and PWG 5100.14 a queue reports, filtered by requested-attributes. */
final class JobAttributes {

    private static final Set<String> TEMPLATE = Set.of("copies", "sides", "print-color-mode", "media");

    private JobAttributes() {
    }

    /** What Print-Job, Create-Job and Send-Document answer with. */
    static List<Attribute<?>> created(IppContext context, JobView job) {
        return List.of(Types.jobId.of(job.row().number()), Types.jobUri.of(context.jobUri(job.row().number())),
                Types.jobState.of(JobState.Companion.get(job.state())), Types.jobStateReasons.of(job.reasons()),
                Types.jobStateMessage.of(job.message()));
    }

    static List<Attribute<?>> attributes(IppContext context, JobView job, List<String> requested, Instant now) {
        Set<String> wanted = new HashSet<>(requested.isEmpty() ? List.of("all") : requested);
        int number = job.row().number();
        var all = new ArrayList<Attribute<?>>();
        all.add(Types.jobId.of(number));
        all.add(Types.jobUri.of(context.jobUri(number)));
        all.add(Types.jobUuid.of(URI.create("urn:uuid:" + jobUuid(context, job))));
        all.add(Types.jobPrinterUri.of(context.printerUri()));
        all.add(Types.jobState.of(JobState.Companion.get(job.state())));
        all.add(Types.jobStateReasons.of(job.reasons()));
        all.add(Types.jobStateMessage.of(job.message()));
        all.add(Types.jobName.of(job.row().ticket().name()));
        all.add(Types.jobOriginatingUserName.of(context.userName() == null ? "unknown" : context.userName()));
        all.add(Types.jobPrinterUpTime.of(upTime(now)));
        all.add(Types.timeAtCreation.of(upTime(job.row().createdAt())));
        all.add(Types.dateTimeAtCreation.of(calendar(job.row().createdAt())));
        all.add(Types.timeAtProcessing.noValue());
        all.add(Types.dateTimeAtProcessing.noValue());
        all.add(job.completedAt() == null ? Types.timeAtCompleted.noValue() : Types.timeAtCompleted.of(upTime(job.completedAt())));
        all.add(job.completedAt() == null ? Types.dateTimeAtCompleted.noValue()
                : Types.dateTimeAtCompleted.of(calendar(job.completedAt())));
        all.add(Types.numberOfDocuments.of(job.printJob() == null ? 0 : 1));
        if (job.printJob() != null) {
            all.add(Types.documentFormat.of(job.printJob().format().mediaType()));
            all.add(Types.jobKOctets.of((int) Math.min(Integer.MAX_VALUE, (job.printJob().size() + 1023) / 1024)));
            all.add(Types.jobImpressions.of(job.printJob().pages()));
        }
        int completedImpressions = job.state() == JobView.COMPLETED && job.printJob() != null
                ? job.printJob().pages() * job.printJob().copies() : 0;
        all.add(Types.jobImpressionsCompleted.of(completedImpressions));
        all.add(Types.copies.of(job.row().ticket().copies()));
        all.add(Types.sides.of(JobTemplate.keyword(job.row().ticket().sides())));
        all.add(Types.printColorMode.of(JobTemplate.keyword(job.row().ticket().colorMode())));
        if (job.row().ticket().media() != null) {
            all.add(Types.media.of(job.row().ticket().media()));
        }
        return all.stream().filter(attribute -> wanted.contains(attribute.getName()) || wanted.contains("all")
                || wanted.contains(TEMPLATE.contains(attribute.getName()) ? "job-template" : "job-description")).toList();
    }

    private static UUID jobUuid(IppContext context, JobView job) {
        if (job.row().printJobId() != null) {
            return job.row().printJobId().value();
        }
        return UUID.nameUUIDFromBytes(("opencps-ipp-job:" + context.queue().id() + ":" + job.row().number())
                .getBytes(StandardCharsets.UTF_8));
    }
}
