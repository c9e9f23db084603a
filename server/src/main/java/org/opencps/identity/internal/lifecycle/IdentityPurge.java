package org.opencps.identity.internal.lifecycle;

import org.opencps.identity.internal.persistence.UserStore;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.tenancy.OrganizationPurgeParticipant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Deletes every identity row of a purged organization. People who belonged to no other
 * organization lose their account too: nothing of theirs is left to keep it for.
 */
@Component
class IdentityPurge implements OrganizationPurgeParticipant {

    private final JdbcClient jdbc;
    private final UserStore users;

    IdentityPurge(JdbcClient jdbc, UserStore users) {
        this.jdbc = jdbc;
        this.users = users;
    }

    @Override
    public void purgeOrganizationData(OrgId org) {
        var members = users.memberIds(org);
        for (String table : new String[] {"identity_api_token", "identity_card", "identity_pin", "identity_group_member",
                "identity_group", "identity_invitation", "identity_external_identity", "identity_membership"}) {
            jdbc.sql("DELETE FROM " + table + " WHERE org_id = ?").param(org.value()).update();
        }
        for (UserId member : members) {
            if (users.organizationsOf(member).isEmpty()) {
                users.delete(member);
            }
        }
    }
}
