package org.opencps.reporting;

import org.opencps.access.AccessPolicy;
import org.opencps.access.Permission;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.opencps.reporting.internal.LicenseRollup;
import org.opencps.tenancy.Organizations;
import org.springframework.stereotype.Service;

/**
 * The providers' license reports (PRODUCT.md §1): the organizations a provider created, by name,
 * and everything deeper only as anonymized totals. See {@link LicenseReport}.
 */
@Service
public class LicenseReports {

    private final AccessPolicy policy;
    private final Organizations organizations;
    private final LicenseRollup rollup;

    LicenseReports(AccessPolicy policy, Organizations organizations, LicenseRollup rollup) {
        this.policy = policy;
        this.organizations = organizations;
        this.rollup = rollup;
    }

    /** The license roll-up of a provider's own organization. */
    public LicenseReport report(Actor actor, OrgId providerId) {
        policy.require(actor, Permission.LICENSE_REPORTS_VIEW, providerId);
        return rollup.report(organizations.customersBelow(providerId));
    }
}
