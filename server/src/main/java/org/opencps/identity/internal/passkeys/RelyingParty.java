package org.opencps.identity.internal.passkeys;

import com.webauthn4j.util.exception.WebAuthnException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.opencps.platform.config.PublicUrl;
import org.opencps.platform.ids.UserId;
import org.springframework.security.web.webauthn.api.AttestationConveyancePreference;
import org.springframework.security.web.webauthn.api.AuthenticatorAssertionResponse;
import org.springframework.security.web.webauthn.api.AuthenticatorAttestationResponse;
import org.springframework.security.web.webauthn.api.AuthenticatorSelectionCriteria;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.PublicKeyCredential;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialDescriptor;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialParameters;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRequestOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.ResidentKeyRequirement;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;
import org.springframework.security.web.webauthn.jackson.WebauthnJacksonModule;
import org.springframework.security.web.webauthn.management.ImmutableRelyingPartyRegistrationRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyAuthenticationRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyPublicKey;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * OpenCPS as a WebAuthn relying party, on Spring Security's {@link Webauthn4JRelyingPartyOperations}: its id is the
 * host of the public URL and the one origin it accepts is the public URL's, read at each ceremony (the port of a
 * server started on a random port is known only once it listens). The options OpenCPS sends are built here from a
 * challenge the caller keeps, so the same options can be rebuilt to verify the answer (Spring's creation options
 * cannot be kept in a shared session: they are not serializable).
 */
@Component
public class RelyingParty {

    public static final Duration TIMEOUT = Duration.ofMinutes(5);

    private final PublicUrl publicUrl;
    private final PasskeyUsers users;
    private final PasskeyCredentials credentials;
    private final JsonMapper json = JsonMapper.builder().addModule(new WebauthnJacksonModule()).build();

    RelyingParty(PublicUrl publicUrl, PasskeyUsers users, PasskeyCredentials credentials) {
        this.publicUrl = publicUrl;
        this.users = users;
        this.credentials = credentials;
    }

    /** A verification refused: the answer was unreadable, for another ceremony, origin or challenge, or its signature wrong. */
    public static class Refused extends RuntimeException {

        Refused(String reason, Throwable cause) {
            super(reason, cause);
        }
    }

    /** Options to create a discoverable passkey for the person; the passkeys they have are excluded. */
    public PublicKeyCredentialCreationOptions creationOptions(UserId user, Bytes challenge) {
        return PublicKeyCredentialCreationOptions.builder()
                .rp(rp())
                .user(users.of(user))
                .challenge(challenge)
                .pubKeyCredParams(PublicKeyCredentialParameters.EdDSA, PublicKeyCredentialParameters.ES256,
                        PublicKeyCredentialParameters.RS256)
                .authenticatorSelection(AuthenticatorSelectionCriteria.builder()
                        .residentKey(ResidentKeyRequirement.REQUIRED)
                        .userVerification(UserVerificationRequirement.PREFERRED).build())
                .attestation(AttestationConveyancePreference.NONE)
                .excludeCredentials(descriptors(user))
                .timeout(TIMEOUT)
                .build();
    }

    /**
     * Options to prove a passkey: of this person (second factor, step-up), or of anyone (user == null: a passwordless
     * sign-in, where the authenticator offers its discoverable passkeys and must verify the person itself).
     */
    public PublicKeyCredentialRequestOptions requestOptions(UserId user, Bytes challenge) {
        return PublicKeyCredentialRequestOptions.builder()
                .challenge(challenge)
                .rpId(rpId())
                .allowCredentials(user == null ? List.of() : descriptors(user))
                .userVerification(user == null ? UserVerificationRequirement.REQUIRED : UserVerificationRequirement.PREFERRED)
                .timeout(TIMEOUT)
                .build();
    }

    /** Verifies a new passkey against the options of this challenge and saves it under {@code name}. */
    public CredentialRecord register(UserId user, Bytes challenge, String name, String credentialJson) {
        try {
            PublicKeyCredential<AuthenticatorAttestationResponse> credential = json.readValue(credentialJson, new TypeReference<>() { });
            return operations().registerCredential(new ImmutableRelyingPartyRegistrationRequest(creationOptions(user, challenge),
                    new RelyingPartyPublicKey(credential, name)));
        } catch (JacksonException | WebAuthnException | IllegalArgumentException | NullPointerException e) {
            throw new Refused("registration not verified: " + e.getClass().getSimpleName(), e);
        }
    }

    /** The credential id an assertion names, to find its owner before verifying it. */
    public Bytes credentialId(String assertionJson) {
        return readAssertion(assertionJson).getRawId();
    }

    /** Verifies an assertion against the options of this challenge; the answer is the passkey's owner. */
    public UserId authenticate(UserId expected, Bytes challenge, String assertionJson) {
        var assertion = readAssertion(assertionJson);
        try {
            var owner = operations().authenticate(new RelyingPartyAuthenticationRequest(requestOptions(expected, challenge), assertion));
            return PasskeyUsers.userOf(owner.getId());
        } catch (PasskeyCredentials.CounterNotAdvanced e) {
            throw new Refused(e.getMessage(), e);
        } catch (WebAuthnException | IllegalArgumentException | NullPointerException e) {
            throw new Refused("assertion not verified: " + e.getClass().getSimpleName(), e);
        }
    }

    /** The challenge an assertion's client data answers (not yet verified: the signature covers it). */
    public Bytes answeredChallenge(String assertionJson) {
        try {
            byte[] clientData = readAssertion(assertionJson).getResponse().getClientDataJSON().getBytes();
            return Bytes.fromBase64(json.readTree(clientData).path("challenge").asString());
        } catch (JacksonException | IllegalArgumentException e) {
            throw new Refused("client data unreadable", e);
        }
    }

    public String json(Object options) {
        return json.writeValueAsString(options);
    }

    private PublicKeyCredential<AuthenticatorAssertionResponse> readAssertion(String assertionJson) {
        try {
            PublicKeyCredential<AuthenticatorAssertionResponse> assertion = json.readValue(assertionJson, new TypeReference<>() { });
            if (assertion == null || assertion.getRawId() == null || assertion.getResponse() == null) {
                throw new Refused("assertion incomplete", null);
            }
            return assertion;
        } catch (JacksonException | IllegalArgumentException e) {
            throw new Refused("assertion unreadable", e);
        }
    }

    private List<PublicKeyCredentialDescriptor> descriptors(UserId user) {
        return credentials.findByUserId(PasskeyUsers.handleOf(user)).stream()
                .map(record -> PublicKeyCredentialDescriptor.builder().id(record.getCredentialId())
                        .transports(record.getTransports()).build())
                .toList();
    }

    private Webauthn4JRelyingPartyOperations operations() {
        return new Webauthn4JRelyingPartyOperations(users, credentials, rp(), Set.of(origin()));
    }

    private PublicKeyCredentialRpEntity rp() {
        return PublicKeyCredentialRpEntity.builder().id(rpId()).name("OpenCPS").build();
    }

    private String rpId() {
        return publicUrl.uri().getHost();
    }

    private String origin() {
        URI uri = publicUrl.uri();
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }
}
