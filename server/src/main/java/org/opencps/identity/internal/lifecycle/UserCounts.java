package org.opencps.identity.internal.lifecycle;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.opencps.identity.internal.persistence.UserStore;
import org.opencps.platform.ids.OrgId;
import org.opencps.tenancy.LicenseUsageSource;
import org.springframework.stereotype.Component;

/** The "users" figure of the license reports: members per customer organization. */
@Component
class UserCounts implements LicenseUsageSource {

    private final UserStore users;

    UserCounts(UserStore users) {
        this.users = users;
    }

    @Override
    public Map<OrgId, Long> count(Set<OrgId> customers) {
        Map<OrgId, Long> counts = new HashMap<>();
        customers.forEach(org -> counts.put(org, users.countMembers(org)));
        return counts;
    }

    @Override
    public String figure() {
        return USERS;
    }
}
