package org.opencps.platform.internal.cluster;

/**
 * The proof-of-work challenges already solved, each until it expires, so that a solution is
 * accepted once: in this process on H2, in PostgreSQL when several processes share one database.
 */
public interface UsedChallenges {

    /** Marks {@code challenge} used until {@code expiresEpochSecond}; false if it was used already. */
    boolean markUsed(String challenge, long expiresEpochSecond, long nowEpochSecond);
}
