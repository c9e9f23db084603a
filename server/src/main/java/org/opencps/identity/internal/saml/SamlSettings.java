package org.opencps.identity.internal.saml;

import com.onelogin.saml2.settings.Saml2Settings;
import com.onelogin.saml2.settings.SettingsBuilder;
import com.onelogin.saml2.util.Constants;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.opencps.identity.internal.persistence.SamlProviderStore.SamlRow;
import org.opencps.identity.internal.persistence.SpKeyRotationStore;
import org.opencps.identity.internal.persistence.SpKeyRotationStore.RotationRow;
import org.opencps.platform.config.PublicUrl;
import org.opencps.platform.secrets.ServerSecrets;
import org.springframework.stereotype.Component;

/**
 * java-saml's settings for one organization's provider: OpenCPS's URLs for it (entity id, ACS, single logout), its
 * own key pair, the IdP from the stored metadata, and the strict checks (signatures as the admin chose and always at
 * least one, destination, audience, recipient, issuer, deprecated algorithms refused, schema validation).
 *
 * <p>OpenCPS's key pair as it stands at the clock's now: during a key rotation the old pair signs and the new one is
 * published next to it, and either decrypts; once the old one is retired (by the admin, or when its transition
 * ends, whether or not anyone stored that yet) only the new one exists.
 */
@Component
public class SamlSettings {

    private final PublicUrl publicUrl;
    private final ServerSecrets secrets;
    private final IdpMetadata metadata;
    private final SpKeyRotationStore rotations;
    private final Clock clock;

    SamlSettings(PublicUrl publicUrl, ServerSecrets secrets, IdpMetadata metadata, SpKeyRotationStore rotations, Clock clock) {
        this.publicUrl = publicUrl;
        this.secrets = secrets;
        this.metadata = metadata;
        this.rotations = rotations;
        this.clock = clock;
    }

    /**
     * The provider's SP keys now: the certificate of the pair that signs, and during a rotation's transition the new
     * certificate and when the old pair retires (both null otherwise).
     */
    public record SpKeyState(String certificate, String sealedKey, String newCertificate, String newSealedKey,
                             Instant oldKeyRetiresAt) {

        public boolean inTransition() {
            return newCertificate != null;
        }
    }

    public SpKeyState keys(SamlRow row) {
        Optional<RotationRow> rotation = rotations.find(row.id());
        if (rotation.isEmpty()) {
            return new SpKeyState(row.spCertificate(), row.spKeySealed(), null, null, null);
        }
        RotationRow r = rotation.get();
        if (!clock.instant().isBefore(r.oldKeyRetiresAt())) {
            return new SpKeyState(r.newCertificate(), r.newKeySealed(), null, null, null);
        }
        return new SpKeyState(row.spCertificate(), row.spKeySealed(), r.newCertificate(), r.newKeySealed(), r.oldKeyRetiresAt());
    }

    public String entityId(UUID providerId) {
        return publicUrl.base() + "/api/v1/public/sso/saml/" + providerId + "/metadata";
    }

    public String acsUrl(UUID providerId) {
        return publicUrl.base() + "/sso/saml/acs/" + providerId;
    }

    public String logoutUrl(UUID providerId) {
        return publicUrl.base() + "/sso/saml/slo/" + providerId;
    }

    public String signInUrl(UUID providerId) {
        return publicUrl.base() + "/sso/saml/start/" + providerId;
    }

    public static String keyContext(SamlRow row) {
        return "saml-sp-key:" + row.orgId().value() + ":" + row.id();
    }

    public String sealKey(SamlRow row, String privateKeyBase64) {
        return secrets.seal(privateKeyBase64, keyContext(row));
    }

    /** The settings that sign and are published (both certificates during a rotation's transition). */
    public Saml2Settings of(SamlRow row) {
        SpKeyState keys = keys(row);
        return build(row, keys.certificate(), keys.sealedKey(), keys.newCertificate());
    }

    /** One set of settings per SP private key that decrypts now: the signing pair's, and the new pair's in transition. */
    public List<Saml2Settings> decrypting(SamlRow row) {
        SpKeyState keys = keys(row);
        List<Saml2Settings> all = new ArrayList<>();
        all.add(build(row, keys.certificate(), keys.sealedKey(), keys.newCertificate()));
        if (keys.inTransition()) {
            all.add(build(row, keys.newCertificate(), keys.newSealedKey(), null));
        }
        return all;
    }

    private Saml2Settings build(SamlRow row, String certificate, String sealedKey, String newCertificate) {
        Map<String, Object> values = new HashMap<>(metadata.parse("idpMetadata", row.idpMetadata()).settings());
        values.put(SettingsBuilder.STRICT_PROPERTY_KEY, true);
        values.put(SettingsBuilder.DEBUG_PROPERTY_KEY, false);
        values.put(SettingsBuilder.SP_ENTITYID_PROPERTY_KEY, entityId(row.id()));
        values.put(SettingsBuilder.SP_ASSERTION_CONSUMER_SERVICE_URL_PROPERTY_KEY, acsUrl(row.id()));
        values.put(SettingsBuilder.SP_ASSERTION_CONSUMER_SERVICE_BINDING_PROPERTY_KEY, Constants.BINDING_HTTP_POST);
        values.put(SettingsBuilder.SP_SINGLE_LOGOUT_SERVICE_URL_PROPERTY_KEY, logoutUrl(row.id()));
        values.put(SettingsBuilder.SP_SINGLE_LOGOUT_SERVICE_BINDING_PROPERTY_KEY, Constants.BINDING_HTTP_REDIRECT);
        values.put(SettingsBuilder.SP_NAMEIDFORMAT_PROPERTY_KEY, Constants.NAMEID_UNSPECIFIED);
        values.put(SettingsBuilder.SP_X509CERT_PROPERTY_KEY, certificate);
        if (newCertificate != null) {
            values.put(SettingsBuilder.SP_X509CERTNEW_PROPERTY_KEY, newCertificate);
        }
        values.put(SettingsBuilder.SP_PRIVATEKEY_PROPERTY_KEY, secrets.open(sealedKey, keyContext(row)));
        values.put(SettingsBuilder.SECURITY_AUTHREQUEST_SIGNED, true);
        values.put(SettingsBuilder.SECURITY_LOGOUTREQUEST_SIGNED, true);
        values.put(SettingsBuilder.SECURITY_LOGOUTRESPONSE_SIGNED, true);
        values.put(SettingsBuilder.SECURITY_WANT_MESSAGES_SIGNED, row.wantResponseSigned());
        values.put(SettingsBuilder.SECURITY_WANT_ASSERTIONS_SIGNED, row.wantAssertionsSigned());
        values.put(SettingsBuilder.SECURITY_WANT_ASSERTIONS_ENCRYPTED, row.wantAssertionsEncrypted());
        values.put(SettingsBuilder.SECURITY_WANT_NAMEID, true);
        values.put(SettingsBuilder.SECURITY_WANT_XML_VALIDATION, true);
        values.put(SettingsBuilder.SECURITY_SIGNATURE_ALGORITHM, Constants.RSA_SHA256);
        values.put(SettingsBuilder.SECURITY_DIGEST_ALGORITHM, Constants.SHA256);
        values.put(SettingsBuilder.SECURITY_REJECT_DEPRECATED_ALGORITHM, true);
        values.put(SettingsBuilder.SECURITY_REJECT_UNSOLICITED_RESPONSES_WITH_INRESPONSETO, true);
        values.put(SettingsBuilder.PARSING_TRIM_NAME_IDS, true);
        values.put(SettingsBuilder.PARSING_TRIM_ATTRIBUTE_VALUES, true);
        Saml2Settings settings = new SettingsBuilder().fromValues(values).build();
        var errors = settings.checkSettings();
        if (!errors.isEmpty()) {
            throw new IllegalStateException("the SAML settings are incomplete: " + errors);
        }
        return settings;
    }
}
