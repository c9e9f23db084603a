package org.opencps.identity.sso;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.opencps.identity.internal.saml.SpKeys;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real SAML 2.0 identity provider on loopback: pysaml2's IdP (Debian's python3-pysaml2) run by
 * {@code src/test/resources/saml/pysaml2_idp.py}. pysaml2 checks OpenCPS's signed requests against the SP metadata
 * it is given and builds, signs and encrypts the responses; the test only says who signs in next. Its key pair is
 * made here, so the attack tests can re-sign a tampered response as the IdP would.
 */
public final class Pysaml2IdentityProvider implements AutoCloseable {

    private static Pysaml2IdentityProvider shared;

    private final Process process;
    private final String base;
    private final PrivateKey key;
    private final X509Certificate certificate;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final JsonMapper json = JsonMapper.builder().build();

    /** The one IdP of the test run (starting pysaml2 takes seconds on a busy machine). */
    public static synchronized Pysaml2IdentityProvider shared() {
        if (shared == null) {
            shared = new Pysaml2IdentityProvider();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    private Pysaml2IdentityProvider() {
        try {
            Path work = Files.createTempDirectory("pysaml2-idp");
            var keys = SpKeys.generate("test idp", Instant.now());
            Files.writeString(work.resolve("idp.crt"), keys.certificatePem());
            Files.writeString(work.resolve("idp.key"), "-----BEGIN PRIVATE KEY-----\n"
                    + keys.privateKeyBase64().replaceAll("(.{64})", "$1\n") + "\n-----END PRIVATE KEY-----\n");
            key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(keys.privateKeyBase64())));
            certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new java.io.ByteArrayInputStream(keys.certificatePem().getBytes(StandardCharsets.US_ASCII)));
            Path script = work.resolve("pysaml2_idp.py");
            try (InputStream in = Pysaml2IdentityProvider.class.getResourceAsStream("/saml/pysaml2_idp.py")) {
                Files.write(script, in.readAllBytes());
            }
            process = new ProcessBuilder("/usr/bin/python3", script.toString(), work.toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            var out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            if (line == null || !line.startsWith("listening ")) {
                throw new IllegalStateException("pysaml2's IdP did not start (is python3-pysaml2 installed?): " + line);
            }
            base = "http://127.0.0.1:" + line.substring("listening ".length()).strip();
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("could not start pysaml2's IdP", e);
        }
    }

    public String entityId() {
        return base + "/idp";
    }

    public String metadataUrl() {
        return base + "/metadata";
    }

    public String metadataXml() {
        return send("GET", "/metadata", null).body();
    }

    public PrivateKey key() {
        return key;
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** The IdP trusts the SP of this metadata from now on (its ACS, its signing and encryption certificate). */
    public void trust(String spMetadata) {
        expect(send("POST", "/admin/sp", spMetadata), 204);
    }

    /** Who the next sign-in at the IdP is, and how the IdP answers (signatures, encryption). */
    public void nextSignIn(Person person) {
        expect(send("POST", "/admin/user", json.writeValueAsString(person)), 204);
    }

    /** The URL of a signed logout request for this person, as the IdP sends the browser to the SP. */
    public URI logoutRequest(String spEntityId, String uid) {
        var response = send("POST", "/admin/logout", json.writeValueAsString(java.util.Map.of("sp", spEntityId, "uid", uid)));
        expect(response, 200);
        return URI.create((String) json.readValue(response.body(), java.util.Map.class).get("url"));
    }

    /** The IdP's sessions still open (a sign-in it answered and no logout ended): session index to SP entity id and uid. */
    @SuppressWarnings("unchecked")
    public java.util.Map<String, java.util.Map<String, String>> openSessions() {
        var response = send("GET", "/admin/sessions", null);
        expect(response, 200);
        return json.readValue(response.body(), java.util.Map.class);
    }

    /** The IdP loses one of its sessions (it restarted, or the session timed out there). */
    public void forgetSession(String sessionIndex) {
        expect(send("POST", "/admin/forget-session", sessionIndex), 204);
    }

    /** A GET at the IdP (its sign-in or logout endpoint), as the browser would. */
    public HttpResponse<String> get(URI uri) {
        try {
            return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * {@code encryptionCert}: which of the SP's encryption certificates in its metadata the IdP encrypts for (0 first);
     * {@code authnContext}: the AuthnContextClassRef the IdP states (null: Password);
     * {@code password}: when set, the person signs in on the IdP's login page with the uid and this password
     * (null: the IdP answers at once, as if the person were already signed in there).
     */
    public record Person(String uid, String mail, String displayName, List<String> groups, boolean signResponse,
                         boolean signAssertion, boolean encrypt, int encryptionCert, String authnContext, String password) {

        public static Person of(String uid, String mail, String displayName, List<String> groups) {
            return new Person(uid, mail, displayName, groups, false, true, false, 0, null, null);
        }

        public Person signedResponseOnly() {
            return new Person(uid, mail, displayName, groups, true, false, encrypt, encryptionCert, authnContext, password);
        }

        public Person encrypted() {
            return new Person(uid, mail, displayName, groups, signResponse, signAssertion, true, encryptionCert, authnContext, password);
        }

        /** Encrypted for the SP's {@code index}-th encryption certificate (during a key rollover, 0 = the old one). */
        public Person encryptedFor(int index) {
            return new Person(uid, mail, displayName, groups, signResponse, signAssertion, true, index, authnContext, password);
        }

        /** The person signs in on the IdP's login page, with the uid as user name and this password. */
        public Person signingInWith(String chosenPassword) {
            return new Person(uid, mail, displayName, groups, signResponse, signAssertion, encrypt, encryptionCert, authnContext,
                    chosenPassword);
        }

        /** The IdP says it authenticated the person so (an AuthnContextClassRef). */
        public Person authenticatedBy(String contextClass) {
            return new Person(uid, mail, displayName, groups, signResponse, signAssertion, encrypt, encryptionCert, contextClass, password);
        }
    }

    private HttpResponse<String> send(String method, String path, String body) {
        try {
            var request = HttpRequest.newBuilder(URI.create(base + path))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new AssertionError("the IdP answered " + response.statusCode() + ": " + response.body());
        }
    }

    @Override
    public void close() {
        process.destroy();
    }
}
