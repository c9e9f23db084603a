package org.opencps.identity;

/** Logins from one source went over the rate limit; published once per run of refusals. */
public record LoginsThrottled(String sourceIp, String lastEmailTried) {
}
