package org.opencps.reporting;

import java.util.List;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.OrgKind;
import org.opencps.tenancy.Organization;

/**
 * A provider's license report: one row per organization directly below it, by name. A customer
 * row holds that customer's figures; a provider row holds one anonymized total over every
 * customer anywhere below that provider, and how many there are, never which.
 */
public record LicenseReport(OrgId orgId, List<Row> rows, LicenseFigures total) {

    public record Row(OrgId orgId, String name, OrgKind kind, Organization.Status status, int customers,
                      LicenseFigures figures) {
    }
}
