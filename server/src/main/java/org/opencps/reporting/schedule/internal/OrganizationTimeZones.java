package org.opencps.reporting.schedule.internal;

import java.time.ZoneId;
import java.time.ZoneOffset;
import org.opencps.platform.ids.OrgId;
import org.springframework.stereotype.Component;

/**
 * The time zone an organization's report periods are counted in (a day, a week, a month begin at
 * its midnight). The one place that asks: UTC until tenancy's OrganizationSettings carries the
 * organization's own time zone, then {@code organizations.settingsOf(org).timeZone()} here.
 */
@Component
public class OrganizationTimeZones {

    public ZoneId of(OrgId org) {
        return ZoneOffset.UTC;
    }
}
