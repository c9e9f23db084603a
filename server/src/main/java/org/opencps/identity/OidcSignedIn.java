package org.opencps.identity;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * What the OpenID Connect sign-in hands the portal once the provider's ID token passed every check: the
 * {@link SsoAssertion} to sign in with ({@link SsoSignIns#signIn}). It is no OpenCPS login by itself.
 */
public final class OidcSignedIn implements OidcUser {

    private final UUID providerId;
    private final OidcIdToken idToken;
    private final SsoAssertion assertion;

    public OidcSignedIn(UUID providerId, OidcIdToken idToken, SsoAssertion assertion) {
        this.providerId = providerId;
        this.idToken = idToken;
        this.assertion = assertion;
    }

    public SsoAssertion assertion() {
        return assertion;
    }

    /** The organization's provider that signed the person in. */
    public UUID providerId() {
        return providerId;
    }

    @Override
    public Map<String, Object> getClaims() {
        return idToken.getClaims();
    }

    @Override
    public OidcUserInfo getUserInfo() {
        return null;
    }

    @Override
    public OidcIdToken getIdToken() {
        return idToken;
    }

    @Override
    public Map<String, Object> getAttributes() {
        return idToken.getClaims();
    }

    @Override
    public List<GrantedAuthority> getAuthorities() {
        return List.of();
    }

    @Override
    public String getName() {
        return assertion.issuer() + " " + assertion.subject();
    }
}
