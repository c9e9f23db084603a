package org.opencps.devices;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import org.opencps.access.AccessPolicy;
import org.opencps.access.Permission;
import org.opencps.devices.internal.DeviceFields;
import org.opencps.devices.internal.persistence.DeviceRow;
import org.opencps.devices.internal.persistence.DeviceStore;
import org.opencps.identity.Users;
import org.opencps.platform.errors.ConflictException;
import org.opencps.platform.errors.InvalidInputException;
import org.opencps.platform.errors.NotFoundException;
import org.opencps.platform.ids.DeviceId;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.opencps.printing.JobId;
import org.opencps.printing.PrintJobs;
import org.opencps.printing.PrintOutcome;
import org.opencps.printing.PrintReleases;
import org.opencps.printing.Release;
import org.opencps.printing.ReleaseOptions;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;

/**
 * Releasing held jobs to printers, from a session at the printer or from the portal ("release at
 * printer X"), and the printer's side: the jobs waiting for it, their documents, the outcome.
 * Printing charges the quotas and keeps the jobs; this checks who and which printer. Each job is
 * released whole or refused whole; a job id that is not the person's refuses the whole request
 * (404) before anything changes, and is audited. Not transactional: each release commits by itself.
 */
@Service
public class DeviceReleases {

    public static final int MAX_JOBS_PER_RELEASE = 100;

    private final PrintReleases releases;
    private final PrintJobs printJobs;
    private final DeviceStore devices;
    private final Users users;
    private final AccessPolicy policy;
    private final ApplicationEventPublisher events;

    DeviceReleases(PrintReleases releases, PrintJobs printJobs, DeviceStore devices, Users users, AccessPolicy policy,
                   ApplicationEventPublisher events) {
        this.releases = releases;
        this.printJobs = printJobs;
        this.devices = devices;
        this.users = users;
        this.policy = policy;
        this.events = events;
    }

    /** The person logged in at the printer releases jobs to it. */
    public ReleaseResult releaseAtPrinter(DeviceSession session, List<JobId> jobIds, ReleaseOptions options, String sourceIp) {
        return release(session.actor(), session.deviceId(), jobIds, options, sourceIp);
    }

    /** A person releases jobs from the portal or the API to an active printer of the organization they work in. */
    public ReleaseResult releaseToPrinter(Actor person, DeviceId printer, List<JobId> jobIds, ReleaseOptions options,
                                          String sourceIp) {
        OrgId org = person.requireOrganization();
        policy.require(person, Permission.JOBS_OWN, org);
        activePrinter(org, printer).orElseThrow(() -> new NotFoundException("printer"));
        return release(person, printer, jobIds, options, sourceIp);
    }

    /** The printers of the person's organization they may release to; only id, name and location. */
    public List<ReleasePrinter> releasePrinters(Actor person) {
        OrgId org = person.requireOrganization();
        policy.require(person, Permission.JOBS_OWN, org);
        return devices.list(org).stream().filter(row -> row.active() && row.isPrinter())
                .map(row -> new ReleasePrinter(row.id(), row.name(), row.location())).toList();
    }

    /** Jobs released to the printer and not yet reported, oldest first. */
    public List<ReleaseTicket> waiting(DevicePrincipal printer) {
        return releases.releasedTo(printer.orgId(), printer.deviceId()).stream().map(this::ticket).toList();
    }

    /** The document of a job released to this printer; any other job is a 404, and audited. */
    public ReleasedDocument document(DevicePrincipal printer, JobId job, String sourceIp) {
        Release release;
        try {
            release = releases.released(printer.orgId(), printer.deviceId(), job);
        } catch (NotFoundException notReleasedHere) {
            throw notReleasedHere(printer, job, sourceIp);
        }
        return new ReleasedDocument(release.format().mediaType(),
                releases.releasedDocument(printer.orgId(), printer.deviceId(), job));
    }

    /** What the printer did with a job released to it. Success deletes the document; failure holds the job again. */
    public void reportOutcome(DevicePrincipal printer, JobId job, PrintOutcome outcome, String sourceIp) {
        if (outcome.pagesPrinted() < 0 || outcome.colorPages() < 0 || outcome.monochromePages() < 0) {
            throw new InvalidInputException("pagesPrinted", "problem.outcome.negative", "page figures are not negative");
        }
        String message = DeviceFields.optionalText("message", outcome.message(), 500);
        try {
            releases.reportOutcome(printer.orgId(), printer.deviceId(), job, new PrintOutcome(outcome.success(),
                    outcome.pagesPrinted(), outcome.colorPages(), outcome.monochromePages(), outcome.duplex(), message));
        } catch (NotFoundException notReleasedHere) {
            throw notReleasedHere(printer, job, sourceIp);
        }
    }

    /** How many releases wait for the device, for its heartbeat. */
    public int waitingCount(DevicePrincipal device) {
        return releases.releasedTo(device.orgId(), device.deviceId()).size();
    }

    private ReleaseResult release(Actor person, DeviceId printer, List<JobId> jobIds, ReleaseOptions options, String sourceIp) {
        var wanted = new LinkedHashSet<>(requireJobIds(jobIds));
        for (JobId job : wanted) {
            try {
                printJobs.get(person, job);
            } catch (NotFoundException notTheirs) {
                events.publishEvent(new DeviceMisuse(person.orgId(), printer, person.userId(),
                        "release of job " + job + ", which is not the person's", sourceIp));
                throw notTheirs;
            }
        }
        List<ReleaseTicket> released = new ArrayList<>();
        List<ReleaseResult.Refusal> refused = new ArrayList<>();
        ReleaseOptions overrides = options == null ? ReleaseOptions.none() : options;
        for (JobId job : wanted) {
            try {
                released.add(ticket(releases.release(person, job, printer, overrides)));
            } catch (InvalidInputException | ConflictException | NotFoundException refusal) {
                refused.add(new ReleaseResult.Refusal(job, refusal));
            } catch (DataAccessException busy) {
                // the jobs released before this one stay released; this one is refused, not the request
                refused.add(new ReleaseResult.Refusal(job, new ConflictException("job", "problem.release.busy",
                        "the server is busy with this job; try it again")));
            }
        }
        return new ReleaseResult(List.copyOf(released), List.copyOf(refused));
    }

    private static List<JobId> requireJobIds(List<JobId> jobIds) {
        if (jobIds == null || jobIds.isEmpty() || jobIds.stream().anyMatch(Objects::isNull)) {
            throw new InvalidInputException("jobIds", "problem.release.chooseJob", "name at least one job to release");
        }
        if (jobIds.size() > MAX_JOBS_PER_RELEASE) {
            throw new InvalidInputException("jobIds", "problem.release.tooMany", "at most " + MAX_JOBS_PER_RELEASE + " jobs are released at once",
                    MAX_JOBS_PER_RELEASE);
        }
        return jobIds;
    }

    private java.util.Optional<DeviceRow> activePrinter(OrgId org, DeviceId printer) {
        return devices.find(org, printer).filter(row -> row.active() && row.isPrinter());
    }

    private NotFoundException notReleasedHere(DevicePrincipal printer, JobId job, String sourceIp) {
        events.publishEvent(new DeviceMisuse(printer.orgId(), printer.deviceId(), null,
                "asked for job " + job + ", which is not released to this device", sourceIp));
        return new NotFoundException("job");
    }

    private ReleaseTicket ticket(Release release) {
        String owner = users.displayNameOf(release.orgId(), release.owner()).orElse("");
        return new ReleaseTicket(release.jobId(), release.name(), release.format().mediaType(), release.pages(),
                release.copies(), release.colorMode(), release.sides(), release.media(), release.chargedPages(),
                new ReleaseTicket.Owner(owner), release.releasedAt());
    }
}
