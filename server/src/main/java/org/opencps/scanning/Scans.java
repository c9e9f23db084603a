package org.opencps.scanning;

import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.opencps.access.AccessPolicy;
import org.opencps.access.Permission;
import org.opencps.devices.DeviceSession;
import org.opencps.documents.Documents;
import org.opencps.platform.errors.ConflictException;
import org.opencps.platform.errors.NotFoundException;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.opencps.scanning.internal.ScanIntake;
import org.opencps.scanning.internal.Workflows;
import org.opencps.scanning.internal.persistence.AddressStore;
import org.opencps.scanning.internal.persistence.ScanSettingsStore;
import org.opencps.scanning.internal.persistence.ScanStore;
import org.opencps.scanning.internal.persistence.WorkflowStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Scans: what a person at a device may scan to, a device's upload, and the person's own scans (My
 * scans). A scan is its owner's alone, in the organization it was made in: anyone else, admins
 * included, gets 404 (the access policy's rule for job data).
 */
@Service
public class Scans {

    private static final Logger log = LoggerFactory.getLogger(Scans.class);

    private final AccessPolicy policy;
    private final ScanIntake intake;
    private final ScanStore scans;
    private final ScanSettingsStore settings;
    private final AddressStore addresses;
    private final Workflows workflows;
    private final WorkflowStore workflowStore;
    private final Documents documents;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Scans(AccessPolicy policy, ScanIntake intake, ScanStore scans, ScanSettingsStore settings, AddressStore addresses,
          Workflows workflows, WorkflowStore workflowStore, Documents documents, TransactionTemplate transactions,
          ApplicationEventPublisher events, Clock clock) {
        this.policy = policy;
        this.intake = intake;
        this.scans = scans;
        this.settings = settings;
        this.addresses = addresses;
        this.workflows = workflows;
        this.workflowStore = workflowStore;
        this.documents = documents;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    /** The destinations the organization allows, its address book, and the workflows shared with the person. */
    public ScanChoices choices(DeviceSession session) {
        OrgId org = session.orgId();
        policy.require(session.actor(), Permission.JOBS_OWN, org);
        ScanSettings orgSettings = settings.find(org);
        List<ScanChoices.Choice> destinations = new ArrayList<>();
        for (DestinationKind kind : EnumSet.allOf(DestinationKind.class)) {
            if (!orgSettings.allows(kind)) {
                continue;
            }
            if (kind == DestinationKind.ADDRESS_BOOK) {
                addresses.list(org).forEach(entry -> destinations.add(new ScanChoices.Choice("address", kind, entry.name())));
            } else {
                String to = switch (kind) {
                    case MY_SCANS -> "me";
                    case EMAIL_ME -> "email";
                    default -> kind.name().toLowerCase(Locale.ROOT);
                };
                destinations.add(new ScanChoices.Choice(to, kind, null));
            }
        }
        Set<UUID> favourites = workflowStore.favourites(org, session.userId());
        List<ScanChoices.WorkflowChoice> shared = workflows.sharedWith(org, session.userId()).stream()
                .filter(row -> orgSettings.allows(row.workflow().kind()))
                .map(row -> new ScanChoices.WorkflowChoice(row.workflow().name(), row.workflow().kind(),
                        favourites.contains(row.workflow().id()), row.workflow().options()))
                .sorted((a, b) -> Boolean.compare(b.favourite(), a.favourite()))
                .toList();
        return new ScanChoices(destinations, shared, orgSettings.directEmailAllowed() && orgSettings.allows(DestinationKind.ADDRESS_BOOK),
                orgSettings.maxScanBytes(), EnumSet.allOf(ScanFormat.class));
    }

    /**
     * Takes the scan the device streams ({@code declaredLength} -1 when unknown) and answers as soon
     * as it is stored and recorded; delivery follows. A refusal is published (and audited) before
     * it is thrown; nothing of the scan is kept.
     */
    public Scan upload(DeviceSession session, ScanRequest request, long declaredLength, InputStream body, String sourceIp) {
        policy.require(session.actor(), Permission.JOBS_OWN, session.orgId());
        try {
            return intake.accept(session, request, declaredLength, body);
        } catch (ScanRefusal refusal) {
            events.publishEvent(new ScanRefused(session.orgId(), session.deviceId(), session.userId(), refusal.reason(),
                    refusal.getMessage(), sourceIp, clock.instant()));
            throw refusal;
        }
    }

    /** The device polls a scan its logged-in person made. */
    public Scan ofSession(DeviceSession session, UUID id) {
        return own(session.actor(), id).scan();
    }

    public List<Scan> mine(Actor actor) {
        OrgId org = actor.requireOrganization();
        policy.require(actor, Permission.JOBS_OWN, org);
        return scans.ofOwner(org, actor.userId());
    }

    public Scan get(Actor actor, UUID id) {
        return own(actor, id).scan();
    }

    /** The scan's document, decrypted as it streams; 404 once it is no longer kept. */
    public InputStream document(Actor actor, UUID id) {
        ScanStore.Row row = own(actor, id);
        if (row.document() == null) {
            throw new NotFoundException("document");
        }
        return documents.open(row.scan().orgId(), row.document());
    }

    /** Deletes the scan and its document at once (a delivery still pending does not happen). */
    public void delete(Actor actor, UUID id) {
        ScanStore.Row row = own(actor, id);
        Scan scan = row.scan();
        transactions.executeWithoutResult(status -> {
            scans.delete(scan.orgId(), scan.id());
            events.publishEvent(new ScanDeleted(scan.orgId(), scan.id(), scan.owner(), actor.userId(), clock.instant()));
        });
        if (row.document() != null) {
            try {
                documents.delete(scan.orgId(), row.document());
            } catch (RuntimeException e) {
                log.warn("Could not delete the document of scan {}; the orphan sweep will", scan.id(), e);
            }
        }
    }

    /** A failed delivery is tried again from the start of its attempts, while the scan is kept. */
    public Scan retry(Actor actor, UUID id) {
        ScanStore.Row row = own(actor, id);
        if (!scans.retry(row.scan().orgId(), id, clock.instant())) {
            throw new ConflictException("state", "problem.scan.retry", "only a failed delivery of a scan still kept can be retried");
        }
        return own(actor, id).scan();
    }

    private ScanStore.Row own(Actor actor, UUID id) {
        OrgId org = actor.orgId();
        ScanStore.Row row = org == null || id == null ? null : scans.find(org, id).orElse(null);
        if (row == null) {
            throw new NotFoundException("scan");
        }
        if (!policy.canAccessOwnJob(actor, org, row.scan().owner())) {
            throw new NotFoundException("scan");
        }
        return row;
    }
}
