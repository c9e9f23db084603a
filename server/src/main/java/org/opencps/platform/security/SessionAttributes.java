package org.opencps.platform.security;

/** Names of the attributes OpenCPS keeps in a login session. */
final class SessionAttributes {

    static final String AUTHENTICATED_AT = "opencps.authenticatedAt";
    static final String LAST_SEEN_AT = "opencps.lastSeenAt";
    static final String IDLE_TIMEOUT = "opencps.idleTimeout";
    /** A request attribute: why the session that came with the request was ended. */
    static final String ENDED_BECAUSE = "opencps.sessionEndedBecause";
    /** A request attribute: "idle" or "age", for pages that say it in the reader's language. */
    static final String ENDED_KIND = "opencps.sessionEndedKind";

    private SessionAttributes() {
    }
}
