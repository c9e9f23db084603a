package org.opencps.ipp.internal.infra;

import static org.opencps.ipp.internal.protocol.PrinterAttributes.calendar;
import static org.opencps.ipp.internal.protocol.PrinterAttributes.upTime;

import com.hp.jipp.encoding.Attribute;
import com.hp.jipp.model.Types;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.opencps.identity.Users;
import org.opencps.ipp.internal.infra.InfraJobs.InfraJob;
import org.opencps.ipp.internal.protocol.JobTemplate;
import org.opencps.platform.security.Actor;
import org.opencps.printing.Release;
import org.springframework.stereotype.Component;

/** The attributes of an INFRA job: its description, and the ticket to print it with (Fetch-Job). */
@Component
class InfraJobAttributes {

    private static final Set<String> TEMPLATE = Set.of("copies", "sides", "print-color-mode", "media");

    private final Users users;

    InfraJobAttributes(Users users) {
        this.users = users;
    }

    /** job-id, job-uri, job-state and its reasons: what every job listing carries. */
    List<Attribute<?>> brief(InfraContext context, InfraJob job) {
        return List.of(Types.jobId.of(job.number()), Types.jobUri.of(context.jobUri(job.number())),
                Types.jobState.of(job.state()), Types.jobStateReasons.of(job.reasons()));
    }

    List<Attribute<?>> full(InfraContext context, InfraJob job, List<String> requested) {
        Set<String> wanted = new HashSet<>(requested.isEmpty() ? List.of("all") : requested);
        var all = new ArrayList<Attribute<?>>(brief(context, job));
        all.add(Types.jobUuid.of(URI.create("urn:uuid:" + job.row().printJobId())));
        all.add(Types.jobPrinterUri.of(context.printerUri()));
        all.add(Types.timeAtCreation.of(upTime(job.row().createdAt())));
        all.add(Types.dateTimeAtCreation.of(calendar(job.row().createdAt())));
        if (job.row().acknowledged()) {
            all.add(Types.outputDeviceUuidAssigned.of(URI.create("urn:uuid:" + context.device().id())));
        }
        Release release = job.release();
        if (release != null) {
            all.add(Types.jobName.of(release.name()));
            all.add(Types.jobOriginatingUserName.of(ownerName(release)));
            all.add(Types.numberOfDocuments.of(1));
            all.add(Types.documentFormat.of(release.format().mediaType()));
            all.add(Types.jobImpressions.of(release.pages()));
            all.add(Types.copies.of(release.copies()));
            all.add(Types.sides.of(JobTemplate.keyword(release.sides())));
            all.add(Types.printColorMode.of(JobTemplate.keyword(release.colorMode())));
            if (release.media() != null) {
                all.add(Types.media.of(release.media()));
            }
        }
        return all.stream().filter(attribute -> wanted.contains("all") || wanted.contains(attribute.getName())
                || wanted.contains(TEMPLATE.contains(attribute.getName()) ? "job-template" : "job-description")).toList();
    }

    private String ownerName(Release release) {
        String name = users.me(new Actor(release.owner(), release.orgId())).displayName();
        return name == null || name.isBlank() ? "OpenCPS user" : name;
    }
}
