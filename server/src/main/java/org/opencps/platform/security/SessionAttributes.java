package org.opencps.platform.security;

/** Names of the attributes OpenCPS keeps in a login session: identity's SessionLogin writes them, the chains' filters read them. */
public final class SessionAttributes {

    public static final String AUTHENTICATED_AT = "opencps.authenticatedAt";
    public static final String LAST_SEEN_AT = "opencps.lastSeenAt";
    public static final String IDLE_TIMEOUT = "opencps.idleTimeout";
    /** When the person last proved their second factor in this session (at sign-in or a later check). */
    public static final String SECOND_FACTOR_AT = "opencps.secondFactorAt";
    /**
     * When the session ends unless the person proves a second factor in it first: the end of the grace period of an
     * organization of theirs that requires one (the enrolment removes it).
     */
    public static final String SECOND_FACTOR_ENROL_BY = "opencps.secondFactorEnrolBy";
    /** A request attribute: why the session that came with the request was ended. */
    public static final String ENDED_BECAUSE = "opencps.sessionEndedBecause";
    /** A request attribute: "idle" or "age", for pages that say it in the reader's language. */
    public static final String ENDED_KIND = "opencps.sessionEndedKind";

    private SessionAttributes() {
    }
}
