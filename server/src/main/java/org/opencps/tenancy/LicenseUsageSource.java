package org.opencps.tenancy;

import java.util.Map;
import java.util.Set;
import org.opencps.platform.ids.OrgId;

/**
 * Supplies one figure of the license reports (devices in use, users, pages) for a set of customer
 * organizations. Implemented by the modules that own those figures; a figure with no source is 0.
 */
public interface LicenseUsageSource {

    String DEVICES_USED = "devicesUsed";
    String USERS = "users";
    String PAGES = "pages";

    /** The figure for each of the given customers; a customer missing from the map counts 0. */
    Map<OrgId, Long> count(Set<OrgId> customers);

    /** Which figure this source supplies: {@link #DEVICES_USED}, {@link #USERS} or {@link #PAGES}. */
    String figure();
}
