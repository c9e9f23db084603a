package org.opencps.platform.origin;

/**
 * The source address (as the servlet container reports it, forwarded headers applied) and the
 * User-Agent of the request an action was taken in. Events capture it when they are created, on
 * the request's thread, so that a listener running after the commit on another thread (or after a
 * restart, from the event registry) still knows it. Either part may be null.
 */
public record RequestOrigin(String sourceIp, String userAgent) {

    /** Longer User-Agent headers are cut: the audit trail keeps at most this much. */
    static final int MAX_USER_AGENT = 300;

    private static final ThreadLocal<RequestOrigin> CURRENT = new ThreadLocal<>();

    /** The origin of the request served on this thread; null outside a request (scheduled jobs, listeners). */
    public static RequestOrigin current() {
        return CURRENT.get();
    }

    /** The source address of {@code origin}, or null when there is none. */
    public static String sourceIpOf(RequestOrigin origin) {
        return origin == null ? null : origin.sourceIp();
    }

    /** The user agent of {@code origin}, or null when there is none. */
    public static String userAgentOf(RequestOrigin origin) {
        return origin == null ? null : origin.userAgent();
    }

    static RequestOrigin of(String sourceIp, String userAgent) {
        String agent = userAgent == null || userAgent.isBlank() ? null
                : userAgent.length() <= MAX_USER_AGENT ? userAgent : userAgent.substring(0, MAX_USER_AGENT);
        return new RequestOrigin(sourceIp, agent);
    }

    static void set(RequestOrigin origin) {
        CURRENT.set(origin);
    }

    static void clear() {
        CURRENT.remove();
    }
}
