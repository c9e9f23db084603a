package org.opencps.documents;

import com.google.crypto.tink.StreamingAead;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Optional;
import org.opencps.documents.internal.OrgKeys;
import org.opencps.platform.ids.OrgId;
import org.springframework.stereotype.Service;

/**
 * Small secrets of an organization (OAuth tokens, client secrets) sealed with the organization's
 * own key, like its documents: destroying the organization's keys makes them unreadable too. Each
 * value is bound to a context naming its owner and use, so a sealed value copied to another row
 * does not open there.
 */
@Service
public class OrgSecrets {

    private final OrgKeys keys;

    OrgSecrets(OrgKeys keys) {
        this.keys = keys;
    }

    public String seal(OrgId org, String value, String context) {
        try {
            ByteArrayOutputStream sealed = new ByteArrayOutputStream();
            try (OutputStream encrypting = keys.forWriting(org).newEncryptingStream(sealed, bind(org, context))) {
                encrypting.write(value.getBytes(StandardCharsets.UTF_8));
            }
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sealed.toByteArray());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("could not seal a secret of " + org, e);
        }
    }

    /** The value, or empty when the organization's keys are gone; a value sealed for another context fails. */
    public Optional<String> open(OrgId org, String sealed, String context) {
        Optional<StreamingAead> aead = keys.forReading(org);
        if (aead.isEmpty()) {
            return Optional.empty();
        }
        try (InputStream decrypting = aead.get().newDecryptingStream(
                new ByteArrayInputStream(Base64.getUrlDecoder().decode(sealed)), bind(org, context))) {
            return Optional.of(new String(decrypting.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("a secret of " + org + " could not be opened (wrong context or key)", e);
        }
    }

    private static byte[] bind(OrgId org, String context) {
        return ("opencps secret " + org + "/" + context).getBytes(StandardCharsets.UTF_8);
    }
}
