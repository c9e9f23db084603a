package org.opencps.identity;

/** The result of a password login: failures are results, not exceptions, so their count is committed. */
public sealed interface LoginOutcome {

    record Success(User user) implements LoginOutcome {
    }

    record Failure(String message) implements LoginOutcome {
    }
}
