package org.opencps.identity.internal.sso;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.opencps.identity.internal.persistence.OidcProviderStore.ProviderRow;
import org.opencps.identity.internal.persistence.SsoReplayStore;
import org.opencps.platform.errors.InvalidInputException;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.stereotype.Component;

/**
 * Checks an OpenID Connect back-channel logout token (OpenID Connect Back-Channel Logout 1.0, §2.6): signed by the
 * provider's keys, from its issuer, for this client, issued recently ({@code iat}), carrying the back-channel logout
 * event and a {@code sub} or {@code sid}, and never a {@code nonce} (which would make it an ID token); its {@code jti}
 * is remembered in the database, so a token is used once even when several server processes share it.
 */
@Component
public class BackChannelLogout {

    static final String EVENT = "http://schemas.openid.net/event/backchannel-logout";
    private static final Duration MAX_AGE = Duration.ofMinutes(10);

    /** What a valid logout token names. */
    public record Logout(String issuer, String subject, String sessionId) {
    }

    private final Clock clock;
    private final SsoReplayStore replay;
    private final Map<String, JwtDecoder> decoders = new ConcurrentHashMap<>();

    BackChannelLogout(Clock clock, SsoReplayStore replay) {
        this.clock = clock;
        this.replay = replay;
    }

    public Logout check(ProviderRow provider, String logoutToken) {
        if (logoutToken == null || logoutToken.isBlank() || logoutToken.length() > 16_384) {
            throw new InvalidInputException("logout_token", "a logout_token is required");
        }
        Jwt token;
        try {
            token = decoder(provider).decode(logoutToken);
        } catch (JwtException e) {
            throw new InvalidInputException("logout_token", "the logout token is not valid: " + e.getMessage());
        }
        // §2.4: jti is required; a token is used once, across every server process, while its iat is recent enough
        var remembered = token.getIssuedAt().plus(MAX_AGE).plusSeconds(60);
        if (!replay.firstUse("oidc-logout", provider.issuer(), token.getId(), remembered, clock.instant())) {
            throw new InvalidInputException("logout_token", "the logout token was used before");
        }
        return new Logout(token.getClaimAsString("iss"), token.getSubject(), token.getClaimAsString("sid"));
    }

    private JwtDecoder decoder(ProviderRow provider) {
        String key = String.join("\n", provider.id().toString(), provider.jwksUri(), provider.issuer(), provider.clientId());
        return decoders.computeIfAbsent(key, k -> {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(provider.jwksUri())
                    .jwsAlgorithms(algorithms -> {
                        algorithms.add(SignatureAlgorithm.RS256);
                        algorithms.add(SignatureAlgorithm.PS256);
                        algorithms.add(SignatureAlgorithm.ES256);
                    })
                    .build();
            var times = new JwtTimestampValidator(Duration.ofSeconds(60));
            times.setClock(clock);
            decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(times, claims(provider)));
            return decoder;
        });
    }

    private OAuth2TokenValidator<Jwt> claims(ProviderRow provider) {
        return jwt -> {
            List<String> problems = new ArrayList<>();
            if (!provider.issuer().equals(jwt.getClaimAsString("iss"))) {
                problems.add("another issuer");
            }
            if (jwt.getAudience() == null || !jwt.getAudience().contains(provider.clientId())) {
                problems.add("not for this client");
            }
            if (jwt.getIssuedAt() == null || jwt.getIssuedAt().isBefore(clock.instant().minus(MAX_AGE))
                    || jwt.getIssuedAt().isAfter(clock.instant().plusSeconds(60))) {
                problems.add("no recent iat");
            }
            if (!(jwt.getClaims().get("events") instanceof Map<?, ?> events) || !events.containsKey(EVENT)) {
                problems.add("no back-channel logout event");
            }
            if (jwt.getSubject() == null && jwt.getClaimAsString("sid") == null) {
                problems.add("neither sub nor sid");
            }
            if (jwt.getId() == null || jwt.getId().isBlank() || jwt.getId().length() > 255) {
                problems.add("no jti");
            }
            if (jwt.getClaims().containsKey("nonce")) {
                problems.add("a nonce");
            }
            return problems.isEmpty() ? OAuth2TokenValidatorResult.success()
                    : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", String.join(", ", problems), null));
        };
    }
}
