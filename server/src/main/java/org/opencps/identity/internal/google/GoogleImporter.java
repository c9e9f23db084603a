package org.opencps.identity.internal.google;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.opencps.access.FixedRole;
import org.opencps.access.RoleRef;
import org.opencps.identity.User;
import org.opencps.identity.Users;
import org.opencps.identity.internal.credentials.Emails;
import org.opencps.identity.internal.google.DirectoryApi.DirectoryGroup;
import org.opencps.identity.internal.google.DirectoryApi.DirectoryUser;
import org.opencps.identity.internal.persistence.DomainClaimStore;
import org.opencps.identity.internal.persistence.GoogleDirectoryStore;
import org.opencps.identity.internal.persistence.GoogleDirectoryStore.ConnectionRow;
import org.opencps.identity.internal.persistence.GoogleImportStore;
import org.opencps.identity.internal.persistence.GoogleImportStore.Progress;
import org.opencps.identity.internal.persistence.SsoStore;
import org.opencps.identity.internal.persistence.UserStore;
import org.opencps.identity.internal.sso.SsoGroupSync;
import org.opencps.platform.errors.InvalidInputException;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.platform.secrets.ServerSecrets;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One import from an organization's Google Workspace directory. The chosen people (every user, or the members of the
 * chosen groups, indirect ones included) whose address is in a domain the organization proved become accounts bound to
 * their Google identity (issuer {@value #ISSUER}, subject = the directory's user id, which is Google's OpenID Connect
 * {@code sub}), with no password, members of the organization, in the groups of the same names. A later import updates
 * names and groups. Nobody is removed: people suspended or gone at Google, or no longer in a chosen group, are marked
 * gone for an admin to confirm. An account outside the organization with the same address is never pulled in.
 */
@Component
public class GoogleImporter {

    public static final String ISSUER = "https://accounts.google.com";
    private static final int PROGRESS_EVERY = 20;

    private final GoogleDirectoryStore store;
    private final GoogleImportStore jobs;
    private final GoogleOAuth oauth;
    private final DirectoryApi directory;
    private final ServerSecrets secrets;
    private final UserStore users;
    private final Users memberships;
    private final SsoStore sso;
    private final SsoGroupSync groups;
    private final DomainClaimStore claims;
    private final TransactionTemplate transaction;
    private final Clock clock;

    GoogleImporter(GoogleDirectoryStore store, GoogleImportStore jobs, GoogleOAuth oauth, DirectoryApi directory, ServerSecrets secrets,
                   UserStore users, Users memberships, SsoStore sso, SsoGroupSync groups, DomainClaimStore claims,
                   TransactionTemplate transaction, Clock clock) {
        this.store = store;
        this.jobs = jobs;
        this.oauth = oauth;
        this.directory = directory;
        this.secrets = secrets;
        this.users = users;
        this.memberships = memberships;
        this.sso = sso;
        this.groups = groups;
        this.claims = claims;
        this.transaction = transaction;
        this.clock = clock;
    }

    public static String refreshTokenContext(OrgId org) {
        return "identity.google-directory.refresh-token:" + org;
    }

    private enum Outcome { CREATED, UPDATED, SKIPPED }

    /** Runs the import the job asks for; its counters follow along. */
    public void run(UUID job, OrgId org) {
        ConnectionRow connection = store.connection(org)
                .orElseThrow(() -> new GoogleCallFailed("the organization's Google Workspace is not connected"));
        String access = oauth.accessToken(secrets.open(connection.sealedRefreshToken(), refreshTokenContext(org)));
        List<DirectoryUser> everyone = directory.users(access);
        Map<String, List<String>> groupsOf = new HashMap<>();
        for (DirectoryGroup group : chosenGroups(connection, directory.groups(access))) {
            for (var member : directory.members(access, group.id())) {
                groupsOf.computeIfAbsent(member.id(), id -> new ArrayList<>()).add(group.name());
            }
        }
        List<DirectoryUser> chosen = connection.allUsers() ? everyone
                : everyone.stream().filter(user -> groupsOf.containsKey(user.id())).toList();
        Set<String> provedDomains = new HashSet<>();
        claims.claims(org).stream().filter(DomainClaimStore.ClaimRow::verified).forEach(claim -> provedDomains.add(claim.domain()));
        Map<String, GoogleDirectoryStore.GoogleUserRow> known = new HashMap<>();
        store.googleUsers(org).forEach(row -> known.put(row.googleId(), row));

        int created = 0;
        int updated = 0;
        int skipped = 0;
        int gone = 0;
        int done = 0;
        Set<String> present = new HashSet<>();
        for (DirectoryUser person : chosen) {
            Instant now = clock.instant();
            if (person.suspended()) {
                if (known.containsKey(person.id())) {
                    store.markGone(org, person.id(), "SUSPENDED", now);
                    gone++;
                }
                present.add(person.id());
            } else {
                Outcome outcome = transaction.execute(status -> importOne(org, person,
                        groupsOf.getOrDefault(person.id(), List.of()), provedDomains, known.get(person.id()), now));
                if (outcome != Outcome.SKIPPED) {
                    present.add(person.id());
                }
                switch (outcome) {
                    case CREATED -> created++;
                    case UPDATED -> updated++;
                    case SKIPPED -> skipped++;
                }
            }
            if (++done % PROGRESS_EVERY == 0) {
                jobs.progress(job, new Progress(chosen.size(), done, created, updated, skipped, gone));
            }
        }
        Set<String> inDirectory = new HashSet<>();
        everyone.forEach(user -> inDirectory.add(user.id()));
        for (var row : known.values()) {
            if (!present.contains(row.googleId())) {
                store.markGone(org, row.googleId(), inDirectory.contains(row.googleId()) ? "NOT_CHOSEN" : "REMOVED", clock.instant());
                gone++;
            }
        }
        jobs.progress(job, new Progress(chosen.size(), done, created, updated, skipped, gone));
    }

    private static List<DirectoryGroup> chosenGroups(ConnectionRow connection, List<DirectoryGroup> all) {
        if (connection.allUsers()) {
            return all;
        }
        Set<String> keys = new HashSet<>();
        connection.groupKeys().forEach(key -> keys.add(key.toLowerCase(Locale.ROOT)));
        return all.stream().filter(group -> keys.contains(group.id().toLowerCase(Locale.ROOT))
                || (group.email() != null && keys.contains(group.email().toLowerCase(Locale.ROOT)))).toList();
    }

    private Outcome importOne(OrgId org, DirectoryUser person, List<String> groupNames, Set<String> provedDomains,
                              GoogleDirectoryStore.GoogleUserRow known, Instant now) {
        String email;
        try {
            email = Emails.normalize("email", person.primaryEmail());
        } catch (InvalidInputException notAnAddress) {
            return Outcome.SKIPPED;
        }
        if (!provedDomains.contains(email.substring(email.lastIndexOf('@') + 1))) {
            return Outcome.SKIPPED;
        }
        String name = person.fullName() == null || person.fullName().isBlank() ? email : truncated(person.fullName());
        var bound = sso.identity(ISSUER, person.id());
        User user;
        boolean createdNow = false;
        if (known != null) {
            user = users.find(known.userId()).orElse(null);
        } else if (bound.isPresent()) {
            user = users.find(bound.get().userId()).orElse(null);
        } else {
            var existing = users.findByEmail(email);
            if (existing.isPresent() && !users.isMember(org, existing.get().id())) {
                return Outcome.SKIPPED;
            }
            user = existing.orElse(null);
            if (user == null) {
                user = new User(new UserId(UUID.randomUUID()), email, name, true, now);
                users.insert(user);
                createdNow = true;
            }
        }
        if (user == null) {
            return Outcome.SKIPPED;
        }
        if (bound.isEmpty()) {
            sso.bindImported(org, "google", ISSUER, person.id(), user.id(), now);
        }
        if (!users.isMember(org, user.id())) {
            memberships.join(org, user.id(), Set.of(RoleRef.of(FixedRole.CUSTOMER_USER)));
        }
        if (!name.equals(user.displayName())) {
            users.rename(user.id(), name);
        }
        store.saveGoogleUser(org, person.id(), user.id(), email);
        groups.apply(org, user.id(), groupNames, now);
        return createdNow ? Outcome.CREATED : Outcome.UPDATED;
    }

    private static String truncated(String name) {
        String clean = name.strip();
        return clean.length() > 200 ? clean.substring(0, 200) : clean;
    }
}
