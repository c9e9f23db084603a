package org.opencps.platform.ratelimit;

/**
 * What a rate limit counts, as its refusal names it: in English for the API ("login attempts from
 * your address" in "too many login attempts from your address; try again later"), and as the key
 * of the whole sentence under {@code problem.tooMany.} for the portal.
 */
public record LimitedAction(String messageKey, String english) {
}
