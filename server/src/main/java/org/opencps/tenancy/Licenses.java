package org.opencps.tenancy;

import org.opencps.platform.errors.InvalidInputException;
import org.opencps.platform.ids.OrgKind;

/** The rules a license must follow. */
final class Licenses {

    static final int MAX_DEVICE_LIMIT = 100_000;

    private Licenses() {
    }

    /** The license a new organization of this kind starts with: customers need one, providers have none. */
    static License forNewOrganization(OrgKind kind, License license) {
        if (kind == OrgKind.CUSTOMER && license == null) {
            throw new InvalidInputException("license", "problem.license.customerNeedsOne", "a customer organization needs a license");
        }
        if (kind != OrgKind.CUSTOMER && license != null) {
            throw new InvalidInputException("license", "problem.license.onlyCustomers", "only customer organizations have a license");
        }
        return license == null ? null : validate(license);
    }

    static License validate(License license) {
        if (license == null) {
            throw new InvalidInputException("license", "problem.license.required", "a license is required");
        }
        if (license.deviceLimit() < 0 || license.deviceLimit() > MAX_DEVICE_LIMIT) {
            throw new InvalidInputException("license.deviceLimit", "problem.license.deviceLimit", "the device limit is between 0 and " + MAX_DEVICE_LIMIT, MAX_DEVICE_LIMIT);
        }
        if (license.plan() == null || license.plan().isBlank() || license.plan().length() > 60) {
            throw new InvalidInputException("license.plan", "problem.license.plan", "the plan has 1 to 60 characters");
        }
        if (license.termStart() == null || license.termEnd() == null) {
            throw new InvalidInputException("license.termEnd", "problem.license.termDates", "the license term needs a start and an end date");
        }
        if (license.termEnd().isBefore(license.termStart())) {
            throw new InvalidInputException("license.termEnd", "problem.license.termOrder", "the term cannot end before it starts");
        }
        return license;
    }
}
