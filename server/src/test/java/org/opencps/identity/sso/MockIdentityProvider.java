package org.opencps.identity.sso;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.KeyProvider;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;

/**
 * A real OpenID Connect provider on loopback: navikt's mock-oauth2-server (as a server, over HTTP), signing with
 * keys this test can rotate, and issuing tokens on the server's test clock. Each issuer id is its own issuer
 * ({@code http://127.0.0.1:port/{issuerId}}); the claims of the next sign-in at an issuer are set with {@link #nextSignIn}.
 */
public final class MockIdentityProvider implements AutoCloseable {

    private final RotatingKeys keys = new RotatingKeys();
    private final MockOAuth2Server server;

    MockIdentityProvider(Clock clock) {
        this(clock, false);
    }

    /**
     * {@code loginPage}: the provider asks the person on its own sign-in page (a subject and the claims as JSON)
     * rather than answering with the claims queued by {@link #nextSignIn}.
     */
    MockIdentityProvider(Clock clock, boolean loginPage) {
        var tokens = new OAuth2TokenProvider(keys, clock::instant);
        server = new MockOAuth2Server(new OAuth2Config(loginPage, null, null, false, tokens));
        try {
            server.start(InetAddress.getByName("127.0.0.1"), 0);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    public String issuer(String issuerId) {
        return server.issuerUrl(issuerId).toString();
    }

    /** The person the provider vouches for at its next token request for this issuer. */
    public void nextSignIn(String issuerId, String subject, Map<String, Object> claims) {
        server.enqueueCallback(new DefaultOAuth2TokenCallback(issuerId, subject, "JWT", null, claims, 3600));
    }

    public static Map<String, Object> person(String email, String name, List<String> groups) {
        return groups == null ? Map.of("email", email, "email_verified", true, "name", name)
                : Map.of("email", email, "email_verified", true, "name", name, "groups", groups);
    }

    /** A token signed with the issuer's current key, with exactly these claims (a logout token, say). */
    public String sign(String issuerId, Map<String, Object> claims) {
        return server.anyToken(server.issuerUrl(issuerId), claims).serialize();
    }

    /** From now on every issuer signs with a new key under a new key id, as a provider rotating its keys does. */
    void rotateKeys() {
        keys.rotate();
    }

    @Override
    public void close() {
        server.shutdown();
    }

    /** One signing key for all issuers, replaced on {@link #rotate}; the JWKS then lists only the new one. */
    private static final class RotatingKeys extends KeyProvider {

        private final AtomicReference<JWK> current = new AtomicReference<>(generate());

        RotatingKeys() {
            super(List.of(), JWSAlgorithm.RS256.getName());
        }

        void rotate() {
            current.set(generate());
        }

        @Override
        public JWK signingKey(String keyId) {
            return current.get();
        }

        private static JWK generate() {
            try {
                return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
