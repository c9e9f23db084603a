package org.opencps.platform.secrets;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeyTemplates;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.prf.PrfSet;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import org.opencps.platform.internal.persistence.ServerKeysetStore;
import org.springframework.stereotype.Component;

/**
 * Server-wide secrets for small values: a keyed hash (for PINs and card numbers, so a leaked
 * database reveals neither) and sealing (AEAD) for values that must be shown again. The keysets
 * live in the database wrapped by the {@link MasterKey}, so every server process shares them.
 */
@Component
public class ServerSecrets {

    private static final byte[] KEYSET_CONTEXT = "opencps server keyset".getBytes(StandardCharsets.UTF_8);

    private final PrfSet keyedHash;
    private final Aead sealer;

    ServerSecrets(ServerKeysetStore keysets, MasterKey masterKey) throws GeneralSecurityException {
        var store = new WrappedKeysets(keysets, masterKey.keysetWrapper());
        this.keyedHash = store.loadOrCreate("server-keyed-hash", "HMAC_SHA256_PRF")
                .getPrimitive(RegistryConfiguration.get(), PrfSet.class);
        this.sealer = store.loadOrCreate("server-sealing", "AES256_GCM")
                .getPrimitive(RegistryConfiguration.get(), Aead.class);
    }

    /** A keyed hash of a value, for lookups and uniqueness checks; {@code purpose} keeps uses apart. */
    public String keyedHash(String purpose, String value) {
        try {
            byte[] input = (purpose + "\0" + value).getBytes(StandardCharsets.UTF_8);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(keyedHash.computePrimary(input, 32));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("keyed hash failed", e);
        }
    }

    /** Encrypts a small value, bound to a context (for example the owner's id). */
    public String seal(String value, String context) {
        try {
            byte[] sealed = sealer.encrypt(value.getBytes(StandardCharsets.UTF_8), context.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sealed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("sealing failed", e);
        }
    }

    public String open(String sealed, String context) {
        try {
            byte[] plain = sealer.decrypt(Base64.getUrlDecoder().decode(sealed), context.getBytes(StandardCharsets.UTF_8));
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a sealed value could not be opened (wrong context or key)", e);
        }
    }

    private record WrappedKeysets(ServerKeysetStore keysets, Aead wrapper) {

        KeysetHandle loadOrCreate(String name, String template) throws GeneralSecurityException {
            var existing = keysets.find(name);
            if (existing.isPresent()) {
                return unwrap(existing.get());
            }
            var created = KeysetHandle.generateNew(KeyTemplates.get(template));
            String wrapped = TinkJsonProtoKeysetFormat.serializeEncryptedKeyset(created, wrapper, KEYSET_CONTEXT);
            return keysets.insert(name, wrapped) ? created : unwrap(keysets.find(name).orElseThrow());
        }

        private KeysetHandle unwrap(String wrapped) throws GeneralSecurityException {
            return TinkJsonProtoKeysetFormat.parseEncryptedKeyset(wrapped, wrapper, KEYSET_CONTEXT);
        }
    }
}
