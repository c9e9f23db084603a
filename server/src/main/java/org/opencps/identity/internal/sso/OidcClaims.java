package org.opencps.identity.internal.sso;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opencps.identity.OidcPreset;
import org.opencps.identity.OidcSignedIn;
import org.opencps.identity.SsoAssertion;
import org.opencps.identity.SsoOutcome;
import org.opencps.identity.internal.persistence.OidcProviderStore.ProviderRow;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/**
 * Turns a checked ID token into an {@link SsoAssertion} with the claims the organization configured, after the
 * preset's own checks: Entra ID's token must come from the configured tenant ({@code tid}), Google's from the
 * configured Workspace domain ({@code hd}). Nothing is written here; the portal signs the person in with the result.
 * The userinfo endpoint is not called: everything needed is in the signed ID token.
 */
@Component
class OidcClaims implements OAuth2UserService<OidcUserRequest, OidcUser> {

    /** A refusal's reason travels as the OAuth2 error code, for the portal to explain. */
    static final String ERROR_PREFIX = "opencps_";

    private final OidcRegistrations registrations;

    OidcClaims(OidcRegistrations registrations) {
        this.registrations = registrations;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        ProviderRow row = registrations.provider(request.getClientRegistration().getRegistrationId())
                .orElseThrow(() -> refused(SsoOutcome.Reason.UNAVAILABLE, "the provider is no longer configured"));
        return new OidcSignedIn(row.id(), request.getIdToken(), assertion(row, request.getIdToken()));
    }

    static SsoAssertion assertion(ProviderRow row, OidcIdToken token) {
        Map<String, Object> claims = token.getClaims();
        OidcPreset preset = OidcPreset.valueOf(row.preset());
        if (preset == OidcPreset.ENTRA_ID && !row.tenant().equalsIgnoreCase(string(claims.get("tid")))) {
            throw refused(SsoOutcome.Reason.INVALID_ASSERTION, "the token is from another Entra ID tenant");
        }
        if (preset == OidcPreset.GOOGLE_WORKSPACE && !row.tenant().equalsIgnoreCase(string(claims.get("hd")))) {
            throw refused(SsoOutcome.Reason.INVALID_ASSERTION, "the account is not in the Google Workspace domain");
        }
        String email = string(claims.get(row.emailClaim()));
        String subject = token.getSubject();
        if (email == null || subject == null || subject.isBlank()) {
            throw refused(SsoOutcome.Reason.INVALID_ASSERTION, "the token carries no subject or no e-mail address");
        }
        boolean verified = isTrue(claims.get("email_verified"))
                || (preset == OidcPreset.ENTRA_ID && isTrue(claims.get("xms_edov")));
        String name = string(claims.get(row.nameClaim()));
        return new SsoAssertion(row.orgId(), "oidc", string(claims.get("iss")), subject, email.strip().toLowerCase(Locale.ROOT),
                verified, name == null || name.isBlank() ? email : name.strip(), groups(row, claims), string(claims.get("sid")),
                claims.get("amr") instanceof List<?> amr ? amr.stream().map(String::valueOf).toList() : List.of(),
                string(claims.get("acr")) == null ? List.of() : List.of(string(claims.get("acr"))));
    }

    /** Null when the organization maps no groups, or when the token says they are too many to list (Entra's overage). */
    private static List<String> groups(ProviderRow row, Map<String, Object> claims) {
        if (row.groupsClaim() == null) {
            return null;
        }
        Object value = claims.get(row.groupsClaim());
        if (value == null) {
            return claims.get("_claim_names") instanceof Map<?, ?> names && names.containsKey(row.groupsClaim()) ? null : List.of();
        }
        List<String> groups = new ArrayList<>();
        if (value instanceof Collection<?> many) {
            many.stream().map(OidcClaims::string).filter(g -> g != null && !g.isBlank()).forEach(groups::add);
        } else if (string(value) != null) {
            groups.add(string(value));
        }
        return groups;
    }

    private static boolean isTrue(Object value) {
        return Boolean.TRUE.equals(value) || "true".equalsIgnoreCase(string(value));
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }

    static OAuth2AuthenticationException refused(SsoOutcome.Reason reason, String description) {
        return new OAuth2AuthenticationException(new OAuth2Error(ERROR_PREFIX + reason.name().toLowerCase(Locale.ROOT), description, null));
    }
}
