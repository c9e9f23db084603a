package org.opencps.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.opencps.access.AccessPolicy;
import org.opencps.identity.internal.google.GoogleEndpoints;
import org.opencps.identity.internal.persistence.GoogleDirectoryStore;
import org.opencps.identity.internal.persistence.GoogleImportStore;
import org.opencps.identity.internal.persistence.GoogleImportStore.JobRow;
import org.opencps.platform.errors.ConflictException;
import org.opencps.platform.errors.NotFoundException;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.platform.security.Actor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports from an organization's connected Google Workspace: an admin asks for one (it runs in the background, in one
 * server process, see {@code GoogleImportWorker}), follows its progress, and decides about the people gone at Google:
 * deactivating one removes them from the organization and ends their sessions. Customer admins only.
 */
@Service
public class GoogleImports {

    /** A job still RUNNING this long after it started belonged to a process that died. */
    static final Duration ABANDONED_AFTER = Duration.ofHours(2);

    private final AccessPolicy policy;
    private final GoogleDirectoryStore store;
    private final GoogleImportStore jobs;
    private final GoogleEndpoints endpoints;
    private final Users users;
    private final SessionLogin sessions;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    GoogleImports(AccessPolicy policy, GoogleDirectoryStore store, GoogleImportStore jobs, GoogleEndpoints endpoints, Users users,
                  SessionLogin sessions, TransactionTemplate transaction, ApplicationEventPublisher events, Clock clock) {
        this.policy = policy;
        this.store = store;
        this.jobs = jobs;
        this.endpoints = endpoints;
        this.users = users;
        this.sessions = sessions;
        this.transaction = transaction;
        this.events = events;
        this.clock = clock;
    }

    public GoogleWorkspaceStatus status(Actor actor, OrgId org) {
        policy.requireManageSignIn(actor, org);
        var connection = store.connection(org);
        var gone = store.googleUsers(org).stream().filter(row -> row.goneSince() != null)
                .map(row -> new GoogleWorkspaceStatus.GoneUser(row.userId(), row.email(), row.goneSince(), row.goneReason())).toList();
        return new GoogleWorkspaceStatus(endpoints.configured(), connection.isPresent(),
                connection.map(GoogleDirectoryStore.ConnectionRow::connectedAt).orElse(null),
                connection.map(GoogleDirectoryStore.ConnectionRow::allUsers).orElse(true),
                connection.map(GoogleDirectoryStore.ConnectionRow::groupKeys).orElse(java.util.List.of()),
                jobs.latest(org).map(GoogleImports::view).orElse(null), gone);
    }

    /** Queues an import; one at a time per organization. */
    public GoogleWorkspaceStatus.Job start(Actor actor, OrgId org) {
        policy.requireManageSignIn(actor, org);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        transaction.executeWithoutResult(status -> {
            if (store.lockConnection(org).isEmpty()) {
                throw GoogleWorkspace.notConnected();
            }
            var open = jobs.open(org);
            if (open.isPresent() && abandoned(open.get(), now)) {
                jobs.finish(open.get().id(), "FAILED", "abandoned: the server process running it stopped", now);
            } else if (open.isPresent()) {
                throw new ConflictException("google", "problem.google.running", "an import is already queued or running");
            }
            jobs.queue(id, org, actor.userId(), now);
            events.publishEvent(new GoogleWorkspaceChanged(org, actor.userId(), "import requested", now));
        });
        return jobs.find(id).map(GoogleImports::view).orElseThrow();
    }

    /** Confirms that a person gone at Google leaves the organization: membership, roles and sessions end. */
    public void deactivate(Actor actor, OrgId org, UserId person) {
        policy.requireManageSignIn(actor, org);
        boolean gone = store.googleUsers(org).stream().anyMatch(row -> row.userId().equals(person) && row.goneSince() != null);
        if (!gone) {
            throw new NotFoundException("gone google user");
        }
        transaction.executeWithoutResult(status -> {
            if (users.isMember(org, person)) {
                users.removeMember(actor, org, person);
            }
            store.forgetGoogleUser(org, person);
            events.publishEvent(new GoogleWorkspaceChanged(org, actor.userId(), "deactivated " + person, clock.instant()));
        });
        sessions.logoutEverywhere(person);
    }

    private static boolean abandoned(JobRow job, Instant now) {
        return "RUNNING".equals(job.state()) && job.startedAt() != null && job.startedAt().plus(ABANDONED_AFTER).isBefore(now);
    }

    static GoogleWorkspaceStatus.Job view(JobRow row) {
        return new GoogleWorkspaceStatus.Job(row.id(), row.state(), row.requestedAt(), row.startedAt(), row.finishedAt(), row.usersTotal(),
                row.usersDone(), row.usersCreated(), row.usersUpdated(), row.usersSkipped(), row.usersGone(), row.failure());
    }
}
