package org.opencps.identity;

import org.opencps.platform.text.Names;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.opencps.access.AccessPolicy;
import org.opencps.access.Permission;
import org.opencps.identity.internal.persistence.GroupStore;
import org.opencps.identity.internal.persistence.UserStore;
import org.opencps.platform.errors.ConflictException;
import org.opencps.platform.errors.NotFoundException;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.platform.security.Actor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** User groups of an organization and who is in them. */
@Service
public class Groups {

    private final AccessPolicy policy;
    private final GroupStore store;
    private final UserStore users;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Groups(AccessPolicy policy, GroupStore store, UserStore users, ApplicationEventPublisher events, Clock clock) {
        this.policy = policy;
        this.store = store;
        this.users = users;
        this.events = events;
        this.clock = clock;
    }

    public List<Group> list(Actor actor, OrgId org) {
        policy.require(actor, Permission.GROUPS_VIEW, org);
        return store.list(org);
    }

    /** The groups of an organization as a print manager sets their shared quotas (names only). */
    public List<Group> forQuotaSettings(Actor actor, OrgId org) {
        policy.require(actor, Permission.QUOTAS_MANAGE, org);
        return store.list(org);
    }

    @Transactional
    public Group create(Actor actor, OrgId org, String name) {
        policy.require(actor, Permission.GROUPS_MANAGE, org);
        String clean = Names.require("name", name, 100, "a group name");
        if (store.nameTaken(org, clean)) {
            throw new ConflictException("name", "problem.group.taken", "a group named '" + clean + "' already exists", clean);
        }
        var group = new Group(org, UUID.randomUUID(), clean, clock.instant());
        store.insert(group);
        events.publishEvent(new GroupChanged(org, group.id(), clean, GroupChanged.Change.CREATED, null, actor.userId(), clock.instant()));
        return group;
    }

    @Transactional
    public void delete(Actor actor, OrgId org, UUID group) {
        policy.require(actor, Permission.GROUPS_MANAGE, org);
        Group deleted = requireGroup(org, group);
        if (!store.delete(org, group)) {
            throw new NotFoundException("group");
        }
        events.publishEvent(new GroupChanged(org, group, deleted.name(), GroupChanged.Change.DELETED, null, actor.userId(),
                clock.instant()));
    }

    public List<UserId> members(Actor actor, OrgId org, UUID group) {
        policy.require(actor, Permission.GROUPS_VIEW, org);
        requireGroup(org, group);
        return store.members(org, group);
    }

    /**
     * The groups a person is in, for other modules that act for the organization without a person
     * asking (a release charging the person's group quotas); callers decide access themselves.
     */
    public List<Group> groupsOf(OrgId org, UserId user) {
        return store.groupsOf(org, user);
    }

    /** A group of the organization, looked up without an access check (as {@link #groupsOf}). */
    public java.util.Optional<Group> find(OrgId org, UUID group) {
        return store.find(org, group);
    }

    @Transactional
    public void addMember(Actor actor, OrgId org, UUID group, UserId user) {
        policy.require(actor, Permission.GROUPS_MANAGE, org);
        Group joined = requireGroup(org, group);
        if (!users.isMember(org, user)) {
            throw new NotFoundException("user");
        }
        store.addMember(org, group, user);
        events.publishEvent(new GroupChanged(org, group, joined.name(), GroupChanged.Change.MEMBER_ADDED, user, actor.userId(),
                clock.instant()));
    }

    @Transactional
    public void removeMember(Actor actor, OrgId org, UUID group, UserId user) {
        policy.require(actor, Permission.GROUPS_MANAGE, org);
        Group left = requireGroup(org, group);
        if (!store.removeMember(org, group, user)) {
            throw new NotFoundException("group member");
        }
        events.publishEvent(new GroupChanged(org, group, left.name(), GroupChanged.Change.MEMBER_REMOVED, user, actor.userId(),
                clock.instant()));
    }

    private Group requireGroup(OrgId org, UUID group) {
        return store.find(org, group).orElseThrow(() -> new NotFoundException("group"));
    }
}
