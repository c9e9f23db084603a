package org.opencps.reporting.contracts;

import org.opencps.platform.ids.OrgId;
import org.opencps.reporting.LicenseFigures;
import org.opencps.tenancy.License;
import org.opencps.tenancy.Organization;

/** One customer's contract: its license, and the devices allowed and used, people and pages printed (ever) under it. */
public record CustomerContractReport(OrgId orgId, String name, Organization.Status status, License license,
                                     LicenseFigures figures) {
}
