package org.opencps.testing;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * A passkey in test code, answering the server's options as a browser with an authenticator would: an ES256 key,
 * "none" attestation, user presence and verification flagged. It can also answer with a challenge or an origin of the
 * test's choosing, correctly signed, to show that the server checks them and not only the signature.
 */
public final class SoftwarePasskey {

    private static final Pattern CHALLENGE = Pattern.compile("\"challenge\"\\s*:\\s*\"([^\"]+)\"");
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final KeyPair keys;
    private final byte[] credentialId = new byte[16];
    private final String origin;
    private final String rpId;
    private int counter;

    public SoftwarePasskey(URI publicUrl) {
        this.origin = publicUrl.getScheme() + "://" + publicUrl.getHost() + (publicUrl.getPort() < 0 ? "" : ":" + publicUrl.getPort());
        this.rpId = publicUrl.getHost();
        new SecureRandom().nextBytes(credentialId);
        try {
            var generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            this.keys = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private SoftwarePasskey(SoftwarePasskey original) {
        this.keys = original.keys;
        System.arraycopy(original.credentialId, 0, credentialId, 0, credentialId.length);
        this.origin = original.origin;
        this.rpId = original.rpId;
        this.counter = original.counter;
    }

    /** A second authenticator with this one's key and signature counter as they are now, as a cloned device would be. */
    public SoftwarePasskey copy() {
        return new SoftwarePasskey(this);
    }

    public String origin() {
        return origin;
    }

    /** The challenge of options the server sent (base64url). */
    public static String challengeOf(String optionsJson) {
        var matcher = CHALLENGE.matcher(optionsJson);
        if (!matcher.find()) {
            throw new AssertionError("no challenge in " + optionsJson);
        }
        return matcher.group(1);
    }

    /** The browser's answer to creation options: the new credential (JSON, as PublicKeyCredential.toJSON()). */
    public String register(String creationOptionsJson) {
        byte[] clientData = clientData("webauthn.create", challengeOf(creationOptionsJson), origin);
        var authData = new ByteArrayOutputStream();
        authData.writeBytes(sha256(rpId.getBytes(StandardCharsets.UTF_8)));
        authData.write(0x45); // user present, user verified, attested credential data
        authData.writeBytes(ByteBuffer.allocate(4).putInt(counter).array());
        authData.writeBytes(new byte[16]); // AAGUID
        authData.writeBytes(ByteBuffer.allocate(2).putShort((short) credentialId.length).array());
        authData.writeBytes(credentialId);
        authData.writeBytes(coseKey());
        byte[] data = authData.toByteArray();
        var attestation = new ByteArrayOutputStream();
        attestation.write(0xa3);
        text(attestation, "fmt");
        text(attestation, "none");
        text(attestation, "attStmt");
        attestation.write(0xa0);
        text(attestation, "authData");
        attestation.write(0x58);
        attestation.write(data.length);
        attestation.writeBytes(data);
        return """
                {"id":"%1$s","rawId":"%1$s","type":"public-key","clientExtensionResults":{},"authenticatorAttachment":"platform",
                 "response":{"clientDataJSON":"%2$s","attestationObject":"%3$s","transports":["internal"]}}"""
                .formatted(B64.encodeToString(credentialId), B64.encodeToString(clientData), B64.encodeToString(attestation.toByteArray()));
    }

    /** The browser's answer to request options: an assertion of this passkey. */
    public String assertion(String requestOptionsJson) {
        return assertion(challengeOf(requestOptionsJson), origin);
    }

    /** An assertion, correctly signed, for this challenge (base64url) as seen from this origin. */
    public String assertion(String challenge, String fromOrigin) {
        byte[] clientData = clientData("webauthn.get", challenge, fromOrigin);
        counter++;
        var authData = new ByteArrayOutputStream();
        authData.writeBytes(sha256(rpId.getBytes(StandardCharsets.UTF_8)));
        authData.write(0x05); // user present, user verified
        authData.writeBytes(ByteBuffer.allocate(4).putInt(counter).array());
        byte[] data = authData.toByteArray();
        try {
            var signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(keys.getPrivate());
            signer.update(data);
            signer.update(sha256(clientData));
            return """
                    {"id":"%1$s","rawId":"%1$s","type":"public-key","clientExtensionResults":{},"authenticatorAttachment":"platform",
                     "response":{"clientDataJSON":"%2$s","authenticatorData":"%3$s","signature":"%4$s"}}"""
                    .formatted(B64.encodeToString(credentialId), B64.encodeToString(clientData), B64.encodeToString(data),
                            B64.encodeToString(signer.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] clientData(String type, String challenge, String origin) {
        return ("{\"type\":\"" + type + "\",\"challenge\":\"" + challenge + "\",\"origin\":\"" + origin + "\",\"crossOrigin\":false}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The public key as a COSE EC2 map: kty 2, alg -7 (ES256), crv 1 (P-256), x, y. */
    private byte[] coseKey() {
        var point = ((ECPublicKey) keys.getPublic()).getW();
        var out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0xa5, 0x01, 0x02, 0x03, 0x26, 0x20, 0x01, 0x21, 0x58, 0x20});
        out.writeBytes(unsigned32(point.getAffineX()));
        out.writeBytes(new byte[] {0x22, 0x58, 0x20});
        out.writeBytes(unsigned32(point.getAffineY()));
        return out.toByteArray();
    }

    private static byte[] unsigned32(BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] fixed = new byte[32];
        int copy = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - copy, fixed, 32 - copy, copy);
        return fixed;
    }

    private static void text(ByteArrayOutputStream out, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.write(0x60 + bytes.length);
        out.writeBytes(bytes);
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
