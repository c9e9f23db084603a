package org.opencps.identity;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.opencps.access.AccessPolicy;
import org.opencps.access.Permission;
import org.opencps.access.RoleRef;
import org.opencps.access.Roles;
import org.opencps.identity.internal.persistence.UserStore;
import org.opencps.platform.errors.NotFoundException;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.platform.security.Actor;
import org.opencps.tenancy.Organization;
import org.opencps.tenancy.Organizations;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** People and their memberships in organizations. */
@Service
public class Users {

    private final AccessPolicy policy;
    private final Roles roles;
    private final Organizations organizations;
    private final UserStore store;
    private final Pins pins;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Users(AccessPolicy policy, Roles roles, Organizations organizations, UserStore store, Pins pins,
          ApplicationEventPublisher events, Clock clock) {
        this.policy = policy;
        this.roles = roles;
        this.organizations = organizations;
        this.store = store;
        this.pins = pins;
        this.events = events;
        this.clock = clock;
    }

    public User me(Actor actor) {
        return store.find(actor.userId()).orElseThrow(() -> new NotFoundException("user"));
    }

    /** The organizations a person may pick in the tenant selector, with their roles there. */
    public List<Membership> myOrganizations(Actor actor) {
        return store.organizationsOf(actor.userId()).stream()
                .flatMap(org -> organizations.find(org).stream())
                .map(org -> new Membership(org.id(), org.name(), org.kind(), org.active(), roles.rolesOf(org.id(), actor.userId())))
                .toList();
    }

    /**
     * For security alerts about an account: the e-mail addresses of the admins of every
     * organization the account belongs to. Spans organizations on purpose; nothing else may.
     */
    public List<String> adminAddressesAcrossOrganizationsOf(String email) {
        return store.findByEmail(email == null ? "" : email.strip().toLowerCase(java.util.Locale.ROOT)).stream()
                .flatMap(user -> store.organizationsOf(user.id()).stream())
                .flatMap(org -> roles.adminsOf(org).stream())
                .distinct()
                .flatMap(admin -> store.find(admin).stream())
                .map(User::email)
                .toList();
    }

    /** For security alerts about an organization: the e-mail addresses of its admins. */
    public List<String> adminAddressesOf(OrgId org) {
        return roles.adminsOf(org).stream().flatMap(admin -> store.find(admin).stream()).map(User::email).toList();
    }

    /** A member's display name, to show whose released job a printer prints; empty for anyone else. */
    public java.util.Optional<String> displayNameOf(OrgId org, UserId member) {
        return store.isMember(org, member) ? store.find(member).map(User::displayName) : java.util.Optional.empty();
    }

    /** A member's e-mail address, for the reports scheduled to them; empty for anyone else. */
    public java.util.Optional<String> addressOfMember(OrgId org, UserId member) {
        return store.isMember(org, member) ? store.find(member).map(User::email) : java.util.Optional.empty();
    }

    public boolean isMember(OrgId org, UserId user) {
        return store.isMember(org, user);
    }

    public List<Member> members(Actor actor, OrgId org) {
        policy.require(actor, Permission.USERS_VIEW, org);
        return store.members(org).stream()
                .map(row -> new Member(org, row.user(), roles.rolesOf(org, row.user().id()), row.joinedAt()))
                .toList();
    }

    /**
     * The people of an organization as a print manager sets their quotas: names and addresses, no
     * roles (PRODUCT.md §2: a print manager sees users only for print quota settings).
     */
    public List<User> forQuotaSettings(Actor actor, OrgId org) {
        policy.require(actor, Permission.QUOTAS_MANAGE, org);
        return store.members(org).stream().map(row -> row.user()).toList();
    }

    /** Members' display names by user id, for reports that name people; none for who may not see members. */
    public Map<UUID, String> displayNames(Actor actor, OrgId org) {
        if (!policy.can(actor, Permission.USERS_VIEW, org)) {
            return Map.of();
        }
        return store.members(org).stream().collect(Collectors.toMap(row -> row.user().id().value(), row -> row.user().displayName()));
    }

    /**
     * Spans organizations: how many members each of the given organizations has, for reporting's
     * license report only, which decides access first and shows deeper levels only as sums.
     */
    public Map<OrgId, Long> memberCountsOf(Set<OrgId> orgs) {
        Map<OrgId, Long> counts = new HashMap<>();
        orgs.forEach(org -> counts.put(org, store.countMembers(org)));
        return counts;
    }

    public Member member(Actor actor, OrgId org, UserId user) {
        if (!user.equals(actor.userId()) || !org.equals(actor.orgId())) {
            policy.require(actor, Permission.USERS_VIEW, org);
        }
        return loadMember(org, user);
    }

    /** Changes a member's roles; never takes from them more than the actor could grant (nor gives more). */
    @Transactional
    public Member setRoles(Actor actor, OrgId org, UserId user, Set<RoleRef> newRoles) {
        policy.requireManageMember(actor, org, user);
        Set<RoleRef> before = loadMember(org, user).roles();
        roles.setRoles(actor, org, user, newRoles);
        events.publishEvent(new MemberRolesChanged(org, user, actor.userId(), before, newRoles, clock.instant()));
        return loadMember(org, user);
    }

    /** Removes a member; only someone holding every permission they hold may. The last admin stays. */
    @Transactional
    public void removeMember(Actor actor, OrgId org, UserId user) {
        policy.requireManageMember(actor, org, user);
        loadMember(org, user);
        roles.revokeAll(org, user);
        store.removeMembership(org, user);
        events.publishEvent(new MemberRemoved(org, user, actor.userId(), clock.instant()));
    }

    /**
     * Adds a person to an organization with roles already checked by the caller (an invitation
     * or the first start). Members of a customer organization get their device PIN right away.
     */
    @Transactional
    public void join(OrgId org, UserId user, Set<RoleRef> granted) {
        Organization organization = organizations.find(org).orElseThrow(() -> new NotFoundException("organization"));
        if (!store.isMember(org, user)) {
            store.addMembership(org, user, clock.instant());
            if (!organization.kind().isProvider()) {
                pins.issueFirst(org, user);
            }
        }
        roles.grant(org, user, granted);
    }

    private Member loadMember(OrgId org, UserId user) {
        var joinedAt = store.joinedAt(org, user).orElseThrow(() -> new NotFoundException("user"));
        var account = store.find(user).orElseThrow(() -> new NotFoundException("user"));
        return new Member(org, account, roles.rolesOf(org, user), joinedAt);
    }

    /** One entry of the tenant selector. */
    public record Membership(OrgId orgId, String name, org.opencps.platform.ids.OrgKind kind, boolean active,
                             Set<RoleRef> roles) {
    }
}
