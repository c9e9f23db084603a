package org.opencps.identity;

import java.util.List;
import org.opencps.platform.ids.OrgId;

/**
 * What an identity provider vouched for, after its protocol's checks (signature, audience, time, nonce or
 * replay): the same for OpenID Connect and SAML. {@code groups} null when the provider sends none (the
 * person's groups then stay as they are); {@code sessionId} the provider's session, for its logout, or null.
 * How the provider authenticated the person: {@code methods} (OIDC {@code amr}) and {@code contextClasses} (OIDC
 * {@code acr}, SAML AuthnContextClassRef), empty when it did not say.
 */
public record SsoAssertion(OrgId orgId, String protocol, String issuer, String subject, String email, boolean emailVerified,
                           String displayName, List<String> groups, String sessionId, List<String> methods,
                           List<String> contextClasses) {

    public SsoAssertion {
        methods = methods == null ? List.of() : List.copyOf(methods);
        contextClasses = contextClasses == null ? List.of() : List.copyOf(contextClasses);
    }
}
