package org.opencps.portal.internal.organizations;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.opencps.platform.errors.InvalidInputException;
import org.opencps.tenancy.License;

/** A license as a form sends it; the face checks the ranges. */
record LicenseForm(String deviceLimit, String plan, String termStart, String termEnd) {

    License toLicense() {
        return new License(limit(), plan == null ? "" : plan.strip(), date("license.termStart", termStart),
                date("license.termEnd", termEnd));
    }

    private int limit() {
        try {
            return Integer.parseInt(deviceLimit == null ? "" : deviceLimit.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("license.deviceLimit", "problem.license.deviceLimitWhole", "the device limit is a whole number");
        }
    }

    private static LocalDate date(String field, String text) {
        try {
            return LocalDate.parse(text == null ? "" : text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "problem.date.form", "a date is written as YYYY-MM-DD");
        }
    }
}
