package org.opencps.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.opencps.access.AccessPolicy;
import org.opencps.access.Permission;
import org.opencps.access.RoleRef;
import org.opencps.access.Roles;
import org.opencps.identity.internal.credentials.DisplayNames;
import org.opencps.identity.internal.credentials.Emails;
import org.opencps.identity.internal.persistence.InvitationStore;
import org.opencps.identity.internal.persistence.UserStore;
import org.opencps.platform.config.PublicUrl;
import org.opencps.platform.errors.ConflictException;
import org.opencps.platform.errors.NotFoundException;
import org.opencps.platform.errors.UnauthenticatedException;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.platform.mail.MailTexts;
import org.opencps.platform.secrets.Tokens;
import org.opencps.platform.security.Actor;
import org.opencps.tenancy.Organizations;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * New people join by invitation: an e-mailed link that works once and expires after 7 days,
 * carrying the roles to grant. The inviter must be allowed to grant those roles when inviting; a
 * provider appoints only the first admins of an organization it created, never its own people.
 * Accepting takes the link and, when the address already has an account, that account's password.
 */
@Service
public class Invitations {

    public static final Duration VALIDITY = Duration.ofDays(7);
    static final String PREFIX = "inv_";

    private final AccessPolicy policy;
    private final Roles roles;
    private final Organizations organizations;
    private final Users users;
    private final UserStore userStore;
    private final Passwords passwords;
    private final PasswordLogins logins;
    private final InvitationStore store;
    private final MailTexts mails;
    private final Languages languages;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final PublicUrl publicUrl;

    Invitations(AccessPolicy policy, Roles roles, Organizations organizations, Users users, UserStore userStore,
                Passwords passwords, PasswordLogins logins, InvitationStore store, MailTexts mails, Languages languages,
                ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock, PublicUrl publicUrl) {
        this.policy = policy;
        this.roles = roles;
        this.organizations = organizations;
        this.users = users;
        this.userStore = userStore;
        this.passwords = passwords;
        this.logins = logins;
        this.store = store;
        this.mails = mails;
        this.languages = languages;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
        this.publicUrl = publicUrl;
    }

    @Transactional
    public Invitation invite(Actor actor, OrgId org, String email, Set<RoleRef> grantedRoles) {
        roles.requireInvitable(actor, org, grantedRoles, organizationsOfAddress(email));
        String address = Emails.normalize("email", email);
        userStore.findByEmail(address).filter(user -> userStore.isMember(org, user.id())).ifPresent(user -> {
            throw new ConflictException("email", "problem.invitation.member", address + " is already a member of this organization", address);
        });
        Instant now = clock.instant();
        store.revokePending(org, address, now);
        String token = Tokens.newToken(PREFIX);
        boolean byProvider = !org.equals(actor.orgId());
        var invitation = new Invitation(org, UUID.randomUUID(), address, Set.copyOf(grantedRoles), actor.userId(), byProvider,
                now, now.plus(VALIDITY), null, null);
        store.insert(invitation, Tokens.hash(token));
        String orgName = organizations.find(org).orElseThrow().name();
        mails.send(address, languages.forMailTo(address, org), "invitation", orgName, roleNames(grantedRoles),
                MailTexts.time(invitation.expiresAt(), organizations.timeZone(org)), publicUrl.base() + "/invitations/" + token);
        events.publishEvent(new InvitationSent(org, invitation.id(), actor.userId(), address, invitation.roles(), now));
        return invitation;
    }

    public List<Invitation> list(Actor actor, OrgId org) {
        policy.require(actor, Permission.USERS_VIEW, org);
        return store.list(org);
    }

    @Transactional
    public void revoke(Actor actor, OrgId org, UUID id) {
        policy.require(actor, Permission.USERS_MANAGE, org);
        if (!store.revoke(org, id, clock.instant())) {
            throw new NotFoundException("invitation");
        }
        events.publishEvent(new InvitationRevoked(org, id, actor.userId(), clock.instant()));
    }

    /** What the link's holder sees before accepting. */
    public Preview preview(String token) {
        Invitation invitation = pending(token);
        boolean accountExists = userStore.findByEmail(invitation.email()).isPresent();
        return new Preview(organizations.find(invitation.orgId()).orElseThrow().name(), invitation.email(),
                invitation.roles(), invitation.expiresAt(), accountExists);
    }

    /**
     * Accepts with the link. A person who already has an account proves it with its password, even
     * when logged in (as whoever), checked before the acceptance's transaction (see
     * {@link org.opencps.identity.internal.credentials.PasswordAttempts}); a new person chooses a
     * name and a password. A provider's appointment is accepted only while the organization still
     * has no admin, and never by one of the provider's own people or anyone of an organization above.
     */
    public Accepted accept(String token, Acceptance acceptance, String sourceIp) {
        Invitation invitation = pending(token);
        var existing = userStore.findByEmail(invitation.email());
        if (existing.isPresent()
                && logins.login(invitation.email(), acceptance.password(), sourceIp) instanceof LoginOutcome.Failure failure) {
            throw failure.refusal();
        }
        if (existing.isPresent()) {
            UserId user = existing.get().id();
            return transactions.execute(status -> {
                requireAppointmentStands(invitation, Set.copyOf(userStore.organizationsOf(user)));
                return join(invitation, user);
            });
        }
        String name = DisplayNames.validate("displayName", acceptance.displayName());
        passwords.checkPolicy("password", acceptance.password());
        return transactions.execute(status -> {
            requireAppointmentStands(invitation, Set.of());
            var account = new User(new UserId(UUID.randomUUID()), invitation.email(), name, true, clock.instant());
            userStore.insert(account);
            passwords.set(account.id(), "password", acceptance.password(), false);
            return join(invitation, account.id());
        });
    }

    private void requireAppointmentStands(Invitation invitation, Set<OrgId> organizationsOfAccount) {
        if (invitation.byProvider()) {
            roles.requireAppointmentStands(invitation.orgId(), organizationsOfAccount);
        }
    }

    private Accepted join(Invitation invitation, UserId user) {
        if (!store.markAccepted(invitation.orgId(), invitation.id(), clock.instant())) {
            throw new ConflictException("token", "problem.invitation.justUsed", "this invitation has just been used");
        }
        users.join(invitation.orgId(), user, invitation.roles());
        events.publishEvent(new InvitationAccepted(invitation.orgId(), invitation.id(), user, clock.instant()));
        return new Accepted(invitation.orgId(), user);
    }

    /** The organizations the account with this address belongs to; none when there is no such account (yet). */
    private Set<OrgId> organizationsOfAddress(String email) {
        String address = email == null ? "" : email.strip().toLowerCase(java.util.Locale.ROOT);
        return userStore.findByEmail(address).map(account -> Set.copyOf(userStore.organizationsOf(account.id()))).orElse(Set.of());
    }

    private Invitation pending(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            throw new NotFoundException("invitation");
        }
        Invitation invitation = store.findByTokenHash(Tokens.hash(token)).orElseThrow(() -> new NotFoundException("invitation"));
        switch (invitation.state(clock.instant())) {
            case ACCEPTED -> throw new ConflictException("token", "problem.invitation.used", "this invitation has already been used");
            case REVOKED -> throw new ConflictException("token", "problem.invitation.withdrawn", "this invitation was withdrawn");
            case EXPIRED -> throw new ConflictException("token", "problem.invitation.expired", "this invitation has expired; ask for a new one");
            case PENDING -> {
                return invitation;
            }
        }
        throw new IllegalStateException();
    }

    private static List<MessageSourceResolvable> roleNames(Set<RoleRef> roles) {
        return roles.stream().map(role -> MailTexts.text(role.isCustom() ? "role.custom" : "role." + role.key())).toList();
    }

    public record Preview(String organizationName, String email, Set<RoleRef> roles, Instant expiresAt, boolean accountExists) {
    }

    public record Acceptance(String displayName, String password) {
    }

    public record Accepted(OrgId orgId, UserId userId) {
    }
}
