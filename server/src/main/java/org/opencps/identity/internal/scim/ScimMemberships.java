package org.opencps.identity.internal.scim;

import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.opencps.access.FixedRole;
import org.opencps.access.RoleRef;
import org.opencps.access.Roles;
import org.opencps.identity.Group;
import org.opencps.identity.SessionLogin;
import org.opencps.identity.Users;
import org.opencps.identity.internal.persistence.GroupStore;
import org.opencps.identity.internal.persistence.ScimStore;
import org.opencps.identity.internal.persistence.ScimStore.UserRow;
import org.opencps.identity.internal.persistence.UserStore;
import org.opencps.platform.errors.ConflictException;
import org.springframework.stereotype.Component;

/**
 * What {@code active} means for a SCIM user: an active one is a member of the organization; deactivating ends the
 * membership at once, as removing a member does (roles, PIN, cards and API tokens go with it), and ends the person's
 * login sessions everywhere. The groups they were in are remembered and given back when they are reactivated (as a
 * customer user: roles an admin gave by hand are not).
 */
@Component
class ScimMemberships {

    private final ScimStore store;
    private final UserStore accounts;
    private final GroupStore groups;
    private final Users users;
    private final Roles roles;
    private final SessionLogin sessions;

    ScimMemberships(ScimStore store, UserStore accounts, GroupStore groups, Users users, Roles roles, SessionLogin sessions) {
        this.store = store;
        this.accounts = accounts;
        this.groups = groups;
        this.users = users;
        this.roles = roles;
        this.sessions = sessions;
    }

    void activate(UserRow row) {
        if (!accounts.isMember(row.orgId(), row.userId())) {
            users.join(row.orgId(), row.userId(), Set.of(RoleRef.of(FixedRole.CUSTOMER_USER)));
        }
        if (row.groupsWhileInactive() != null && !row.groupsWhileInactive().isEmpty()) {
            Arrays.stream(row.groupsWhileInactive().split(","))
                    .map(UUID::fromString)
                    .filter(group -> groups.find(row.orgId(), group).isPresent())
                    .forEach(group -> groups.addMember(row.orgId(), group, row.userId()));
        }
        store.setGroupsWhileInactive(row.orgId(), row.userId(), null);
    }

    /** @return how many login sessions ended */
    int deactivate(UserRow row) {
        if (!accounts.isMember(row.orgId(), row.userId())) {
            return 0;
        }
        String kept = groups.groupsOf(row.orgId(), row.userId()).stream().map(Group::id).map(UUID::toString)
                .collect(Collectors.joining(","));
        try {
            roles.revokeAll(row.orgId(), row.userId());
        } catch (ConflictException lastAdmin) {
            throw ScimException.mutability("the organization's last admin cannot be deactivated or deleted through provisioning");
        }
        accounts.removeMembership(row.orgId(), row.userId());
        store.setGroupsWhileInactive(row.orgId(), row.userId(), kept.isEmpty() ? null : kept);
        return sessions.logoutEverywhere(row.userId());
    }

    /** Adds an active user to a group; an inactive one gets it back on reactivation. */
    void addToGroup(UserRow row, UUID group) {
        if (accounts.isMember(row.orgId(), row.userId())) {
            groups.addMember(row.orgId(), group, row.userId());
        } else {
            store.setGroupsWhileInactive(row.orgId(), row.userId(), withGroup(row.groupsWhileInactive(), group, true));
        }
    }

    void removeFromGroup(UserRow row, UUID group) {
        groups.removeMember(row.orgId(), group, row.userId());
        if (row.groupsWhileInactive() != null) {
            store.setGroupsWhileInactive(row.orgId(), row.userId(), withGroup(row.groupsWhileInactive(), group, false));
        }
    }

    private static String withGroup(String kept, UUID group, boolean add) {
        Set<String> ids = kept == null || kept.isEmpty() ? new java.util.LinkedHashSet<>()
                : new java.util.LinkedHashSet<>(Arrays.asList(kept.split(",")));
        if (add) {
            ids.add(group.toString());
        } else {
            ids.remove(group.toString());
        }
        return ids.isEmpty() ? null : String.join(",", ids);
    }
}
