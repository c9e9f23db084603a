package org.opencps.identity;

import java.time.Instant;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.platform.origin.RequestOrigin;

/**
 * A person who signed in through their organization's identity provider signed out of the portal, and what came of
 * the sign-out at the provider: sent there, or local only (and why), then the provider's answer. {@code protocol}:
 * oidc or saml; {@code detail}: for the audit trail (no token, no NameID).
 */
public record SsoSignedOut(UserId user, OrgId org, String protocol, Outcome outcome, String detail, Instant at, UUID eventId,
                           RequestOrigin origin) {

    public enum Outcome {
        /** OpenCPS's session ended and the browser was sent to the provider's logout. */
        SENT_TO_PROVIDER,
        /** OpenCPS's session ended; the provider has no logout OpenCPS can send the browser to, so its session may stay. */
        LOCAL_ONLY,
        /** The provider answered that it ended its session (SAML Success, or OIDC's return with the right state). */
        CONFIRMED_BY_PROVIDER,
        /** The provider answered, with a status other than success. */
        PROVIDER_REPORTED_FAILURE
    }

    public SsoSignedOut(UserId user, OrgId org, String protocol, Outcome outcome, String detail, Instant at) {
        this(user, org, protocol, outcome, detail, at, UUID.randomUUID(), RequestOrigin.current());
    }
}
