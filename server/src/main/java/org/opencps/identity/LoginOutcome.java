package org.opencps.identity;

import org.opencps.platform.errors.UnauthenticatedException;

/** The result of a password login: failures are results, not exceptions, so their count is committed. */
public sealed interface LoginOutcome {

    record Success(User user) implements LoginOutcome {
    }

    /** Why not, as the refusal to throw or to show in the reader's language. */
    record Failure(UnauthenticatedException refusal) implements LoginOutcome {

        Failure(String key, String englishText, Object... arguments) {
            this(new UnauthenticatedException(key, englishText, arguments));
        }

        public String message() {
            return refusal.getMessage();
        }
    }
}
