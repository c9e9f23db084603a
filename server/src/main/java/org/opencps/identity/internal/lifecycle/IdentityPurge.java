package org.opencps.identity.internal.lifecycle;

import org.opencps.identity.internal.persistence.OrganizationRows;
import org.opencps.identity.internal.persistence.UserStore;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.tenancy.OrganizationPurgeParticipant;
import org.springframework.stereotype.Component;

/**
 * Deletes every identity row of a purged organization. People who belonged to no other
 * organization lose their account too: nothing of theirs is left to keep it for.
 */
@Component
class IdentityPurge implements OrganizationPurgeParticipant {

    private final OrganizationRows rows;
    private final UserStore users;

    IdentityPurge(OrganizationRows rows, UserStore users) {
        this.rows = rows;
        this.users = users;
    }

    @Override
    public void purgeOrganizationData(OrgId org) {
        var members = users.memberIds(org);
        rows.deleteAll(org);
        for (UserId member : members) {
            if (users.organizationsOf(member).isEmpty()) {
                users.delete(member);
            }
        }
    }
}
