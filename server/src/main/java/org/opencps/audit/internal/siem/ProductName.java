package org.opencps.audit.internal.siem;

import java.util.Locale;

/** How OpenCPS names itself and its records to a SIEM. */
final class ProductName {

    static final String VENDOR = "OpenCPS";
    static final String PRODUCT = "OpenCPS";

    private ProductName() {
    }

    /** A record type as words: PRINT_JOB_RELEASED is "print job released". */
    static String describe(String type) {
        return type.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    static String version() {
        String version = ProductName.class.getPackage().getImplementationVersion();
        return version == null ? "0.1" : version;
    }
}
