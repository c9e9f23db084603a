package org.opencps.identity.internal.sso;

import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.opencps.identity.Group;
import org.opencps.identity.internal.persistence.GroupStore;
import org.opencps.identity.internal.persistence.SsoStore;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.springframework.stereotype.Component;

/**
 * Makes a person's membership in the groups an identity provider manages follow the groups it asserted: groups are
 * matched by name within the signing-in organization only (created when missing), and from then on managed by the
 * provider. Groups an admin made and the provider never named are left alone.
 */
@Component
public class SsoGroupSync {

    static final int MAX_GROUPS = 500;
    static final int MAX_NAME = 100;

    private final GroupStore groups;
    private final SsoStore sso;

    SsoGroupSync(GroupStore groups, SsoStore sso) {
        this.groups = groups;
        this.sso = sso;
    }

    /** Call in the sign-in's transaction. */
    public void apply(OrgId org, UserId user, List<String> asserted, Instant now) {
        Map<String, Group> byName = new LinkedHashMap<>();
        for (Group group : groups.list(org)) {
            byName.put(group.name().toLowerCase(Locale.ROOT), group);
        }
        Set<UUID> managed = new HashSet<>(sso.managedGroups(org));
        Set<UUID> wanted = new HashSet<>();
        for (String name : asserted.stream().limit(MAX_GROUPS).toList()) {
            String clean = name.strip();
            if (clean.isEmpty() || clean.length() > MAX_NAME || clean.chars().anyMatch(Character::isISOControl)) {
                continue;
            }
            Group group = byName.computeIfAbsent(clean.toLowerCase(Locale.ROOT), key -> {
                var created = new Group(org, UUID.randomUUID(), clean, now);
                groups.insert(created);
                return created;
            });
            if (managed.add(group.id())) {
                sso.manageGroup(org, group.id());
            }
            wanted.add(group.id());
        }
        Set<UUID> current = new HashSet<>();
        groups.groupsOf(org, user).forEach(group -> current.add(group.id()));
        for (UUID group : wanted) {
            if (!current.contains(group)) {
                groups.addMember(org, group, user);
            }
        }
        for (UUID group : current) {
            if (managed.contains(group) && !wanted.contains(group)) {
                groups.removeMember(org, group, user);
            }
        }
    }
}
