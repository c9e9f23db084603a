package org.opencps.reporting.contracts;

import java.time.Instant;
import org.opencps.platform.ids.UserId;
import org.opencps.tenancy.License;

/** One change of a customer's license: who made it (a provider admin; null if unknown), when, and the license before (null at creation) and after. */
public record LicenseChange(Instant at, UserId changedBy, String changedByName, License before, License after) {
}
