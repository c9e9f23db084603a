package org.opencps.identity;

/** The result of a sign-in through an identity provider; a refusal names its reason for the page to explain. */
public sealed interface SsoOutcome {

    /**
     * {@code secondFactorByProvider}: the organization trusts its provider's multi-factor check and the provider
     * reported one, so it counts as the person's second factor. {@code providerSession}: what signs the person out
     * at the provider later (kept in the login session), null when not known.
     */
    record Success(User user, boolean secondFactorByProvider, ProviderSession providerSession) implements SsoOutcome {

        public Success(User user, boolean secondFactorByProvider) {
            this(user, secondFactorByProvider, null);
        }

        Success from(ProviderSession session) {
            return new Success(user, secondFactorByProvider, session);
        }
    }

    record Refused(Reason reason) implements SsoOutcome {
    }

    enum Reason {
        /** The provider did not say the e-mail address is verified. */
        EMAIL_NOT_VERIFIED,
        /** The e-mail address is not in one of the organization's domains. */
        DOMAIN_NOT_ALLOWED,
        /** An account with this e-mail exists and is not bound to this identity: no takeover by address. */
        ACCOUNT_NOT_LINKED,
        /** The provider's answer was incomplete or failed its checks (tenant, hosted domain, claims). */
        INVALID_ASSERTION,
        /**
         * The answer came to a browser that did not start this sign-in (login CSRF), or the sign-in was already
         * finished or took too long.
         */
        NOT_THIS_BROWSER,
        /** The organization cannot be signed in to now (discontinued, or its provider is gone). */
        UNAVAILABLE
    }
}
