package org.opencps.portal.internal.web;

import java.util.List;
import org.opencps.identity.Users;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.OrgKind;

/**
 * What the layout of every page needs: who is logged in, the organization they work in and the
 * others they may switch to, the menu, the idle time before logout, and whether the cookie notice
 * was accepted, and the path of the page (where the cookie notice comes back to). {@code displayName} is null for a visitor who is not logged in.
 */
public record PageContext(String displayName, String email, OrgId orgId, String orgName, OrgKind orgKind,
                          List<Users.Membership> memberships, Navigation nav, long idleSeconds, boolean consented,
                          String path) {

    static PageContext visitor(boolean consented, String path) {
        return new PageContext(null, null, null, null, null, List.of(), Navigation.NONE, 0, consented, path);
    }

    /** The same page for a visitor: after a logout in the request that renders it. */
    public PageContext asVisitor() {
        return visitor(consented, path);
    }

    public boolean loggedIn() {
        return displayName != null;
    }

    public boolean customer() {
        return orgKind == OrgKind.CUSTOMER;
    }
}
