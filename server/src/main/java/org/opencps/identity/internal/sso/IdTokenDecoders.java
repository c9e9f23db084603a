package org.opencps.identity.internal.sso;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenValidator;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.stereotype.Component;

/**
 * Checks ID tokens: signed (never "none", never HMAC with the client secret) by a key of the provider's JWKS, which
 * is fetched again when a token names a key not seen yet (so keys the provider rotates are picked up); issuer,
 * audience and times per OpenID Connect Core §3.1.3.7 on the server's clock. Spring checks the nonce after this.
 * One decoder per provider and endpoints, so a changed configuration gets a new one; what it caches is the
 * provider's public keys, the same for every server process.
 */
@Component
public class IdTokenDecoders implements JwtDecoderFactory<ClientRegistration> {

    private static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    private final Clock clock;
    private final Map<String, JwtDecoder> decoders = new ConcurrentHashMap<>();

    IdTokenDecoders(Clock clock) {
        this.clock = clock;
    }

    @Override
    public JwtDecoder createDecoder(ClientRegistration registration) {
        var provider = registration.getProviderDetails();
        String key = String.join("\n", registration.getRegistrationId(), provider.getIssuerUri(), provider.getJwkSetUri(),
                registration.getClientId());
        return decoders.computeIfAbsent(key, k -> decoder(registration));
    }

    JwtDecoder decoder(ClientRegistration registration) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(registration.getProviderDetails().getJwkSetUri())
                .jwsAlgorithms(algorithms -> {
                    algorithms.add(SignatureAlgorithm.RS256);
                    algorithms.add(SignatureAlgorithm.RS384);
                    algorithms.add(SignatureAlgorithm.RS512);
                    algorithms.add(SignatureAlgorithm.PS256);
                    algorithms.add(SignatureAlgorithm.ES256);
                    algorithms.add(SignatureAlgorithm.ES384);
                })
                .build();
        var times = new JwtTimestampValidator(CLOCK_SKEW);
        times.setClock(clock);
        var idToken = new OidcIdTokenValidator(registration);
        idToken.setClock(clock);
        idToken.setClockSkew(CLOCK_SKEW);
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(times, idToken));
        return decoder;
    }
}
