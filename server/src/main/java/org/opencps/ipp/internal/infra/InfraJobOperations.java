package org.opencps.ipp.internal.infra;

import com.hp.jipp.encoding.Attribute;
import com.hp.jipp.encoding.AttributeGroup;
import com.hp.jipp.encoding.IppPacket;
import com.hp.jipp.encoding.Tag;
import com.hp.jipp.encoding.Text;
import com.hp.jipp.model.JobState;
import com.hp.jipp.model.Status;
import com.hp.jipp.model.Types;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opencps.ipp.internal.infra.InfraJobs.InfraJob;
import org.opencps.ipp.internal.persistence.InfraJobStore;
import org.opencps.ipp.internal.protocol.IppRequest;
import org.opencps.ipp.internal.protocol.IppResponses;
import org.opencps.ipp.internal.protocol.IppStatusException;
import org.opencps.ipp.internal.protocol.RequestAttributes;
import org.opencps.printing.JobTicket;
import org.opencps.printing.PrintOutcome;
import org.opencps.printing.PrintReleases;
import org.springframework.stereotype.Component;

/**
 * The job side of PWG 5100.18: listing fetchable jobs, Fetch-Job and Acknowledge-Job (a job is
 * taken once: after that it is not fetchable, 0x0420), and the printer's reports on it. A job the
 * printer reports completed or aborted goes on to printing exactly once (completed: its document is
 * deleted; aborted or canceled: it is held again for another try).
 */
@Component
class InfraJobOperations {

    private final InfraJobs jobs;
    private final InfraJobAttributes attributes;
    private final InfraJobStore store;
    private final PrintReleases releases;
    private final Clock clock;

    InfraJobOperations(InfraJobs jobs, InfraJobAttributes attributes, InfraJobStore store, PrintReleases releases, Clock clock) {
        this.jobs = jobs;
        this.attributes = attributes;
        this.store = store;
        this.releases = releases;
        this.clock = clock;
    }

    IppPacket getJobs(InfraContext context, IppRequest request) {
        var operation = new RequestAttributes(request.operationAttributes());
        String which = operation.single(Types.whichJobs).orElse("not-completed");
        List<String> requested = operation.all(Types.requestedAttributes);
        int limit = operation.single(Types.limit).orElse(Integer.MAX_VALUE);
        List<InfraJob> selected = switch (which) {
            case "fetchable" -> jobs.released(context.device()).stream().filter(InfraJob::fetchable).toList();
            case "not-completed" -> jobs.released(context.device());
            case "completed" -> jobs.all(context.device()).stream().filter(job -> job.release() == null).toList();
            case "all" -> jobs.all(context.device());
            default -> throw new IppStatusException(Status.clientErrorAttributesOrValuesNotSupported,
                    "which-jobs '" + which + "' is not supported here", List.<Attribute<?>>of(Types.whichJobs.of(which)));
        };
        var response = IppResponses.response(request, Status.successfulOk, null);
        selected.stream().limit(Math.max(0, limit)).forEach(job -> response.addGroup(AttributeGroup.groupOf(Tag.jobAttributes,
                requested.isEmpty() ? attributes.brief(context, job) : attributes.full(context, job, requested))));
        return response.build();
    }

    IppPacket getJobAttributes(InfraContext context, IppRequest request) {
        var operation = new RequestAttributes(request.operationAttributes());
        InfraJob job = job(context, operation);
        return IppResponses.response(request, Status.successfulOk, null)
                .putJobAttributes(attributes.full(context, job, operation.all(Types.requestedAttributes)))
                .build();
    }

    IppPacket fetchJob(InfraContext context, IppRequest request) {
        var operation = new RequestAttributes(request.operationAttributes());
        operation.required(Types.outputDeviceUuid);
        InfraJob job = fetchable(context, operation);
        return IppResponses.response(request, Status.successfulOk, null)
                .putJobAttributes(attributes.full(context, job, List.of("all")))
                .build();
    }

    IppPacket acknowledgeJob(InfraContext context, IppRequest request) {
        var operation = new RequestAttributes(request.operationAttributes());
        operation.required(Types.outputDeviceUuid);
        InfraJob job = fetchable(context, operation);
        if (!store.acknowledge(context.device().orgId(), context.device().id(), job.number(), clock.instant())) {
            throw notFetchable();
        }
        Optional<Status> fetchStatus = operation.single(Types.fetchStatusCode);
        if (fetchStatus.isPresent() && fetchStatus.get().getCode() >= 0x0400) {
            String why = operation.single(Types.fetchStatusMessage).map(Text::getValue)
                    .orElse("the printer could not take the job");
            finish(context, job, JobState.aborted, 0, why);
        }
        return IppResponses.response(request, Status.successfulOk, null).build();
    }

    IppPacket updateJobStatus(InfraContext context, IppRequest request) {
        var operation = new RequestAttributes(request.operationAttributes());
        InfraJob job = job(context, operation);
        var reported = new RequestAttributes(firstNonNull(request.jobAttributes(), request.operationAttributes()));
        JobState state = reported.single(Types.outputDeviceJobState)
                .or(() -> operation.single(Types.outputDeviceJobState))
                .orElseThrow(() -> new IppStatusException(Status.clientErrorBadRequest, "output-device-job-state is missing"));
        requireJobState(state);
        int impressions = reported.single(Types.jobImpressionsCompleted).orElse(0);
        String message = reported.single(Types.outputDeviceJobStateMessage).map(Text::getValue).orElse(null);
        if (state == JobState.completed || state == JobState.aborted || state == JobState.canceled) {
            finish(context, job, state, impressions, message);
        } else {
            store.recordState(context.device().orgId(), context.device().id(), job.number(), state.getCode());
        }
        return IppResponses.response(request, Status.successfulOk, null).build();
    }

    /**
     * The printer says which jobs it has and in which state; the answer lists those whose state
     * here differs, and puts the job ids unknown here in the unsupported group.
     */
    IppPacket updateActiveJobs(InfraContext context, IppRequest request) {
        var operation = new RequestAttributes(request.operationAttributes());
        List<Integer> ids = operation.all(Types.jobIds);
        List<JobState> states = operation.all(Types.outputDeviceJobStates);
        if (ids.size() != states.size()) {
            throw new IppStatusException(Status.clientErrorBadRequest, "job-ids and output-device-job-states must have as many values");
        }
        states.forEach(InfraJobOperations::requireJobState);
        List<Integer> differentIds = new ArrayList<>();
        List<JobState> ourStates = new ArrayList<>();
        List<Integer> unknown = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            Optional<InfraJob> job = jobs.find(context.device(), ids.get(i));
            if (job.isEmpty()) {
                unknown.add(ids.get(i));
            } else if (!job.get().state().equals(states.get(i))) {
                differentIds.add(ids.get(i));
                ourStates.add(job.get().state());
            }
        }
        var response = IppResponses.response(request, Status.successfulOk, null);
        if (!differentIds.isEmpty()) {
            response.putOperationAttributes(Types.jobIds.of(differentIds), Types.outputDeviceJobStates.of(ourStates));
        }
        if (!unknown.isEmpty()) {
            response.putAttributes(Tag.unsupportedAttributes, List.<Attribute<?>>of(Types.jobIds.of(unknown)));
        }
        return response.build();
    }

    /**
     * A job the printer may still fetch: released to it and not yet taken. A job it knows but may
     * not fetch (taken, finished, or no longer released to it) is 0x0420, not-fetchable; one it
     * never had is not-found.
     */
    InfraJob fetchable(InfraContext context, RequestAttributes operation) {
        InfraJob job = job(context, operation);
        if (job.release() == null) {
            throw new IppStatusException(Status.clientErrorNotFetchable, "job " + job.number() + " is no longer waiting to be printed");
        }
        if (!job.fetchable()) {
            throw notFetchable();
        }
        return job;
    }

    InfraJob job(InfraContext context, RequestAttributes operation) {
        int number = operation.required(Types.jobId);
        return jobs.find(context.device(), number)
                .orElseThrow(() -> new IppStatusException(Status.clientErrorNotFound, "there is no job " + number + " for this printer"));
    }

    private void finish(InfraContext context, InfraJob job, JobState state, int impressions, String message) {
        var org = context.device().orgId();
        var device = context.device().id();
        store.recordState(org, device, job.number(), state.getCode());
        if (job.release() == null || !store.markOutcomeReported(org, device, job.number())) {
            return;
        }
        var release = job.release();
        boolean success = state == JobState.completed;
        int pages = success && impressions <= 0 ? release.chargedPages() : impressions;
        boolean color = release.colorMode() == JobTicket.ColorMode.COLOR;
        boolean duplex = release.sides() != JobTicket.Sides.ONE_SIDED;
        try {
            releases.reportOutcome(org, device, release.jobId(), new PrintOutcome(success, pages, color ? pages : 0,
                    color ? 0 : pages, duplex, message == null ? state.getName() : message));
        } catch (RuntimeException notTaken) {
            // printing did not take the outcome: unmark it, so that the printer's next report is tried again
            store.unmarkOutcomeReported(org, device, job.number());
            throw notTaken;
        }
        if (!success) {
            // held again: a new release to this printer starts over with a new job number
            store.forget(org, device, job.number());
        }
    }

    /** pending (3) to completed (9): anything else is not a job state. */
    private static void requireJobState(JobState state) {
        if (state.getCode() < JobState.pending.getCode() || state.getCode() > JobState.completed.getCode()) {
            throw new IppStatusException(Status.clientErrorBadRequest, "a job state is 3 (pending) to 9 (completed), not " + state.getCode());
        }
    }

    private static IppStatusException notFetchable() {
        return new IppStatusException(Status.clientErrorNotFetchable, "the job has already been taken by an output device");
    }

    private static AttributeGroup firstNonNull(AttributeGroup first, AttributeGroup second) {
        return first != null ? first : second;
    }
}
