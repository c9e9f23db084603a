package org.opencps.tenancy;

import org.opencps.platform.ids.OrgKind;

/** A request to create an organization below a provider; a customer needs a license. */
public record NewOrganization(OrgKind kind, String name, License license) {
}
