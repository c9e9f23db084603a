package org.opencps.portal.internal.users;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opencps.access.CustomRole;
import org.opencps.access.FixedRole;
import org.opencps.access.RoleRef;
import org.opencps.platform.errors.InvalidInputException;
import org.opencps.platform.ids.OrgKind;

/** The roles a form offers in an organization of a kind, and the ones a form sent back. */
final class RoleChoices {

    private RoleChoices() {
    }

    /** Fixed roles of the kind, then the organization's custom roles. */
    static List<RoleRef> offered(OrgKind kind, List<CustomRole> custom) {
        List<RoleRef> roles = new ArrayList<>();
        for (FixedRole role : FixedRole.values()) {
            if (role.appliesTo(kind)) {
                roles.add(RoleRef.of(role));
            }
        }
        custom.forEach(role -> roles.add(role.ref()));
        return roles;
    }

    /** Custom roles' names by their key, for showing a custom role by name. */
    static Map<String, String> names(List<CustomRole> custom) {
        Map<String, String> names = new LinkedHashMap<>();
        custom.forEach(role -> names.put(role.ref().key(), role.name()));
        return names;
    }

    static Set<RoleRef> parse(List<String> keys) {
        if (keys == null || keys.isEmpty()) {
            throw new InvalidInputException("roles", "problem.role.chooseOne", "choose at least one role");
        }
        Set<RoleRef> roles = new LinkedHashSet<>();
        for (String key : keys.subList(0, Math.min(keys.size(), 20))) {
            roles.add(RoleRef.parse(key, "roles"));
        }
        return roles;
    }
}
