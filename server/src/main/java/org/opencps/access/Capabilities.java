package org.opencps.access;

import java.util.Set;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.springframework.stereotype.Service;

/**
 * What an actor may do in an organization, for the entry points to offer only the actions a person
 * may take (buttons, menus, the API's own profile). It decides nothing: every face asks the
 * {@link AccessPolicy} again when an action is taken, so a hidden button is never the protection.
 */
@Service
public class Capabilities {

    private final AccessPolicy policy;

    Capabilities(AccessPolicy policy) {
        this.policy = policy;
    }

    public Set<Permission> of(Actor actor, OrgId org) {
        return policy.permissions(actor, org);
    }

    public boolean has(Actor actor, Permission permission, OrgId org) {
        return policy.can(actor, permission, org);
    }
}
