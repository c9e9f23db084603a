package org.opencps.reporting.schedule.internal;

import java.time.ZoneId;
import org.opencps.platform.ids.OrgId;
import org.opencps.tenancy.Organizations;
import org.springframework.stereotype.Component;

/** The time zone an organization's report periods are counted in (a day, a week, a month begin at its midnight). */
@Component
public class OrganizationTimeZones {

    private final Organizations organizations;

    OrganizationTimeZones(Organizations organizations) {
        this.organizations = organizations;
    }

    public ZoneId of(OrgId org) {
        return organizations.timeZone(org);
    }
}
