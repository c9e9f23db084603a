package org.opencps.reporting;

/** License figures of one customer, or summed over several. */
public record LicenseFigures(long devicesAllowed, long devicesUsed, long users, long pages) {

    public static final LicenseFigures ZERO = new LicenseFigures(0, 0, 0, 0);

    public LicenseFigures plus(LicenseFigures other) {
        return new LicenseFigures(devicesAllowed + other.devicesAllowed, devicesUsed + other.devicesUsed,
                users + other.users, pages + other.pages);
    }
}
