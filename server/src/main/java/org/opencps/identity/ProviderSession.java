package org.opencps.identity;

import java.io.Serializable;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;

/**
 * Where a login session came from when the person signed in through their organization's identity provider: what
 * OpenCPS needs to sign them out there too ({@link SsoSignOuts}). Kept in the login session, on the server; never in a
 * cookie or a log. OpenID Connect: the ID token of that sign-in, sealed ({@code sealedIdToken}). SAML: the assertion's
 * NameID with its format and qualifiers, and its SessionIndex.
 */
public record ProviderSession(UserId user, OrgId org, String protocol, UUID providerId, String sealedIdToken, String nameId,
                              String nameIdFormat, String nameQualifier, String spNameQualifier, String sessionIndex)
        implements Serializable {

    static ProviderSession oidc(UserId user, OrgId org, UUID providerId, String sealedIdToken) {
        return new ProviderSession(user, org, "oidc", providerId, sealedIdToken, null, null, null, null, null);
    }

    static ProviderSession saml(UserId user, OrgId org, UUID providerId, String nameId, String nameIdFormat,
                                String nameQualifier, String spNameQualifier, String sessionIndex) {
        return new ProviderSession(user, org, "saml", providerId, null, nameId, nameIdFormat, nameQualifier, spNameQualifier,
                sessionIndex);
    }

    /** Who and which provider only: the token and the NameID stay out of any log line that prints this. */
    @Override
    public String toString() {
        return "ProviderSession[" + protocol + " provider " + providerId + ", user " + user + "]";
    }
}
