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
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** User groups of an organization and who is in them. */
@Service
public class Groups {

    private final AccessPolicy policy;
    private final GroupStore store;
    private final UserStore users;
    private final Clock clock;

    Groups(AccessPolicy policy, GroupStore store, UserStore users, Clock clock) {
        this.policy = policy;
        this.store = store;
        this.users = users;
        this.clock = clock;
    }

    public List<Group> list(Actor actor, OrgId org) {
        policy.require(actor, Permission.GROUPS_VIEW, org);
        return store.list(org);
    }

    @Transactional
    public Group create(Actor actor, OrgId org, String name) {
        policy.require(actor, Permission.GROUPS_MANAGE, org);
        String clean = Names.require("name", name, 100, "a group name");
        if (store.nameTaken(org, clean)) {
            throw new ConflictException("name", "a group named '" + clean + "' already exists");
        }
        var group = new Group(org, UUID.randomUUID(), clean, clock.instant());
        store.insert(group);
        return group;
    }

    @Transactional
    public void delete(Actor actor, OrgId org, UUID group) {
        policy.require(actor, Permission.GROUPS_MANAGE, org);
        if (!store.delete(org, group)) {
            throw new NotFoundException("group");
        }
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
        requireGroup(org, group);
        if (!users.isMember(org, user)) {
            throw new NotFoundException("user");
        }
        store.addMember(org, group, user);
    }

    @Transactional
    public void removeMember(Actor actor, OrgId org, UUID group, UserId user) {
        policy.require(actor, Permission.GROUPS_MANAGE, org);
        requireGroup(org, group);
        if (!store.removeMember(org, group, user)) {
            throw new NotFoundException("group member");
        }
    }

    private void requireGroup(OrgId org, UUID group) {
        store.find(org, group).orElseThrow(() -> new NotFoundException("group"));
    }
}
