package org.opencps.identity;

import java.time.Instant;

/**
 * An e-mail domain a customer organization claimed for single sign-on. Only a verified one sends its people to the
 * organization's identity provider and creates their accounts at the first sign-in.
 *
 * @param lastCheck the result of the last check, null before the first
 */
public record EmailDomain(String domain, boolean verified, Instant claimedAt, Instant verifiedAt, Instant checkedAt,
                          Check lastCheck) {

    /** What the last look at DNS found. */
    public enum Check {
        /** The record with the organization's token is there. */
        VERIFIED,
        /** No such record (a verified domain keeps its state for a grace period). */
        RECORD_MISSING,
        /** The DNS did not answer; nothing changed. */
        DNS_FAILED,
        /** The record is there, but another organization verified the domain first. */
        TAKEN
    }
}
