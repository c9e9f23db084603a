package org.opencps.ipp;

import java.time.Clock;
import org.opencps.access.AccessPolicy;
import org.opencps.access.Permission;
import org.opencps.identity.CredentialChanged;
import org.opencps.ipp.internal.persistence.QueueStore;
import org.opencps.ipp.internal.setup.QueueUrls;
import org.opencps.ipp.internal.setup.SetupInstructions;
import org.opencps.platform.errors.ForbiddenException;
import org.opencps.platform.errors.NotFoundException;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.OrgKind;
import org.opencps.platform.secrets.Tokens;
import org.opencps.platform.security.Actor;
import org.opencps.tenancy.Organizations;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A person's own print queue in the organization they work in: made on first use, with a secret
 * queue URL they can create, regenerate (the old one stops working) and revoke, each audited (an identity
 * {@link CredentialChanged}, published with the change in one transaction). The queue itself is made
 * outside any transaction: a concurrent first use must be able to read the other's row.
 */
@Service
public class PrintQueues {

    private final AccessPolicy policy;
    private final Organizations organizations;
    private final QueueStore store;
    private final QueueUrls urls;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;

    PrintQueues(AccessPolicy policy, Organizations organizations, QueueStore store, QueueUrls urls, Clock clock,
                ApplicationEventPublisher events, TransactionTemplate transaction) {
        this.policy = policy;
        this.organizations = organizations;
        this.store = store;
        this.urls = urls;
        this.clock = clock;
        this.events = events;
        this.transaction = transaction;
    }

    public PrintQueue mine(Actor actor) {
        OrgId org = requirePrintingMember(actor);
        return store.find(org, actor.userId()).orElseGet(() -> store.create(org, actor.userId(), clock.instant()));
    }

    /** A new secret queue URL secret (256 random bits); the previous one, if any, stops working. */
    public NewSecret newSecret(Actor actor) {
        PrintQueue queue = mine(actor);
        String secret = Tokens.newToken("");
        var change = queue.hasSecretUrl() ? CredentialChanged.Change.RENEWED : CredentialChanged.Change.ISSUED;
        transaction.executeWithoutResult(status -> {
            store.setSecret(queue.orgId(), queue.id(), Tokens.hash(secret), clock.instant());
            events.publishEvent(new CredentialChanged(queue.orgId(), queue.userId(),
                    CredentialChanged.Credential.PRINT_QUEUE_SECRET_URL, change, clock.instant()));
        });
        return new NewSecret(store.find(queue.orgId(), queue.userId()).orElseThrow(), secret);
    }

    /** My queue with its address and the setup for each system (the API's and the portal's view). */
    public QueueSetup setup(Actor actor) {
        PrintQueue queue = mine(actor);
        return new QueueSetup(queue, urls.queue(queue.id()), SetupInstructions.SIGN_IN, SetupInstructions.setup(urls, queue.id()));
    }

    /** {@link #newSecret}, as the URLs and setup a person uses; shown once. */
    public SecretQueueSetup newSecretSetup(Actor actor) {
        NewSecret created = newSecret(actor);
        return new SecretQueueSetup(urls.secret(created.secret()), urls.secretHttp(created.secret()),
                created.queue().secretRotatedAt(), SetupInstructions.secretSetup(urls, created.secret()));
    }

    public void revokeSecret(Actor actor) {
        PrintQueue queue = mine(actor);
        transaction.executeWithoutResult(status -> {
            if (!store.clearSecret(queue.orgId(), queue.id(), clock.instant())) {
                return;
            }
            events.publishEvent(new CredentialChanged(queue.orgId(), queue.userId(),
                    CredentialChanged.Credential.PRINT_QUEUE_SECRET_URL, CredentialChanged.Change.REVOKED, clock.instant()));
        });
    }

    private OrgId requirePrintingMember(Actor actor) {
        OrgId org = actor.requireOrganization();
        policy.require(actor, Permission.JOBS_OWN, org);
        var organization = organizations.find(org).orElseThrow(() -> new NotFoundException("organization"));
        if (organization.kind() != OrgKind.CUSTOMER) {
            throw new ForbiddenException("problem.queue.customersOnly", "print queues belong to members of customer organizations");
        }
        return org;
    }

    /** A queue with its new secret, which is shown this once and never stored. */
    public record NewSecret(PrintQueue queue, String secret) {
    }
}
