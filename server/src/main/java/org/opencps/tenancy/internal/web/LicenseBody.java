package org.opencps.tenancy.internal.web;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.opencps.tenancy.License;

/** A customer's license as the API reads and writes it; the ranges are checked by the face. */
record LicenseBody(@NotNull Integer deviceLimit, @NotNull String plan, @NotNull LocalDate termStart,
                   @NotNull LocalDate termEnd) {

    License toLicense() {
        return new License(deviceLimit, plan, termStart, termEnd);
    }

    static LicenseBody of(License license) {
        return new LicenseBody(license.deviceLimit(), license.plan(), license.termStart(), license.termEnd());
    }
}
