package org.opencps.scanning;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.opencps.access.AccessPolicy;
import org.opencps.access.Permission;
import org.opencps.identity.Groups;
import org.opencps.platform.errors.ConflictException;
import org.opencps.platform.errors.InvalidInputException;
import org.opencps.platform.errors.NotFoundException;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.opencps.scanning.internal.Workflows;
import org.opencps.scanning.internal.persistence.AddressStore;
import org.opencps.scanning.internal.persistence.WorkflowStore;
import org.opencps.platform.secrets.ServerSecrets;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Scan workflows: made and removed by those with the scan-workflows permission (customer admins,
 * or a custom role carrying it), shared with everyone or with groups; a person sees those shared
 * with them and marks favourites. A workflow's password is sealed when it is set and never shown.
 */
@Service
public class ScanWorkflows {

    private final AccessPolicy policy;
    private final WorkflowStore store;
    private final Workflows workflows;
    private final AddressStore addresses;
    private final Groups groups;
    private final ServerSecrets secrets;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ScanWorkflows(AccessPolicy policy, WorkflowStore store, Workflows workflows, AddressStore addresses, Groups groups,
                  ServerSecrets secrets, ApplicationEventPublisher events, Clock clock) {
        this.policy = policy;
        this.store = store;
        this.workflows = workflows;
        this.addresses = addresses;
        this.groups = groups;
        this.secrets = secrets;
        this.events = events;
        this.clock = clock;
    }

    public List<ScanWorkflow> list(Actor actor, OrgId org) {
        policy.require(actor, Permission.SCAN_WORKFLOWS_MANAGE, org);
        return store.list(org).stream().map(WorkflowStore.Row::workflow).toList();
    }

    @Transactional
    public ScanWorkflow create(Actor actor, OrgId org, NewScanWorkflow request) {
        policy.require(actor, Permission.SCAN_WORKFLOWS_MANAGE, org);
        String name = request.name() == null ? "" : request.name().strip();
        if (name.isEmpty() || name.length() > 100 || name.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("name", "problem.workflow.name", "give the workflow a name of 1 to 100 characters");
        }
        if (request.kind() == null) {
            throw new InvalidInputException("kind", "problem.workflow.kind", "name the destination kind: MY_SCANS, EMAIL_ME, ADDRESS_BOOK, DRIVE, ONEDRIVE, SHAREPOINT or BOX");
        }
        String address = null;
        if (request.kind() == DestinationKind.ADDRESS_BOOK) {
            address = request.address() == null ? "" : request.address().strip();
            if (addresses.byName(org, address).isEmpty()) {
                throw new InvalidInputException("address", "problem.workflow.address",
                        "the address book has no entry named '" + address + "'", address);
            }
        }
        ScanOptions options = valid(request.options() == null ? ScanOptions.defaults() : request.options(), request.password());
        Set<UUID> shared = request.groups() == null ? Set.of() : Set.copyOf(request.groups());
        for (UUID group : shared) {
            if (groups.find(org, group).isEmpty()) {
                throw new InvalidInputException("groups", "problem.workflow.group", "no group " + group + " in this organization", String.valueOf(group));
            }
        }
        if (!request.everyone() && shared.isEmpty()) {
            throw new InvalidInputException("groups", "problem.workflow.audience", "share the workflow with everyone or with at least one group");
        }
        UUID id = UUID.randomUUID();
        String sealed = options.encryptPdf() ? secrets.seal(request.password(), "opencps scan workflow password " + id) : null;
        var workflow = new ScanWorkflow(org, id, name, request.kind(), address, options, sealed != null, request.everyone(),
                shared, clock.instant());
        if (!store.insert(workflow, sealed)) {
            throw new ConflictException("name", "problem.workflow.exists", "a workflow named " + name + " exists already", name);
        }
        events.publishEvent(new ScanWorkflowChanged(org, actor.userId(), id, name, workflow.kind(),
                ScanWorkflowChanged.sharingOf(workflow), true, clock.instant()));
        return workflow;
    }

    @Transactional
    public void delete(Actor actor, OrgId org, UUID id) {
        policy.require(actor, Permission.SCAN_WORKFLOWS_MANAGE, org);
        ScanWorkflow workflow = store.list(org).stream().map(WorkflowStore.Row::workflow).filter(w -> w.id().equals(id))
                .findFirst().orElseThrow(() -> new NotFoundException("workflow"));
        if (!store.delete(org, id)) {
            throw new NotFoundException("workflow");
        }
        events.publishEvent(new ScanWorkflowChanged(org, actor.userId(), id, workflow.name(), workflow.kind(),
                ScanWorkflowChanged.sharingOf(workflow), false, clock.instant()));
    }

    /** The workflows shared with the person in the organization they work in. */
    public List<ScanWorkflow> sharedWithMe(Actor actor) {
        OrgId org = actor.requireOrganization();
        policy.require(actor, Permission.JOBS_OWN, org);
        return workflows.sharedWith(org, actor.userId()).stream().map(WorkflowStore.Row::workflow).toList();
    }

    /** Marks (or unmarks) a workflow shared with the person as a favourite; any other is a 404. */
    @Transactional
    public void setFavourite(Actor actor, UUID workflow, boolean favourite) {
        OrgId org = actor.requireOrganization();
        policy.require(actor, Permission.JOBS_OWN, org);
        if (!workflows.isSharedWith(org, actor.userId(), workflow)) {
            throw new NotFoundException("workflow");
        }
        store.setFavourite(org, actor.userId(), workflow, favourite);
    }

    private static ScanOptions valid(ScanOptions options, String password) {
        if (options.formats() == null || options.formats().isEmpty() || options.formats().stream().anyMatch(java.util.Objects::isNull)) {
            throw new InvalidInputException("options.formats", "problem.workflow.formats", "the workflow takes PDF, JPEG or both");
        }
        if (options.color() == null) {
            throw new InvalidInputException("options.color", "problem.workflow.color", "colour is COLOR, GRAYSCALE or MONOCHROME");
        }
        if (!ScanOptions.RESOLUTIONS.contains(options.resolution())) {
            throw new InvalidInputException("options.resolution", "problem.workflow.resolution",
                    "resolution is one of " + ScanOptions.RESOLUTIONS.stream().sorted().toList(), ScanOptions.RESOLUTIONS.stream().sorted().toList().toString());
        }
        String pattern = options.fileNamePattern() == null || options.fileNamePattern().isBlank()
                ? ScanOptions.DEFAULT_FILE_NAME : options.fileNamePattern().strip();
        if (pattern.length() > 200) {
            throw new InvalidInputException("options.fileNamePattern", "problem.workflow.fileNamePattern", "the file-name pattern may have at most 200 characters");
        }
        if (options.encryptPdf()) {
            if (!options.formats().equals(Set.of(ScanFormat.PDF))) {
                throw new InvalidInputException("options.formats", "problem.workflow.encryptedPdf", "a workflow that encrypts takes PDF only");
            }
            if (password == null || password.length() < 4 || password.length() > 127) {
                throw new InvalidInputException("password", "problem.workflow.password", "an encrypting workflow needs a password of 4 to 127 characters");
            }
        }
        return new ScanOptions(Set.copyOf(options.formats()), options.color(), options.resolution(), options.duplex(), pattern,
                options.encryptPdf());
    }
}
