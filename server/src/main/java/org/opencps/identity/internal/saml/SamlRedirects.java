package org.opencps.identity.internal.saml;

import com.onelogin.saml2.settings.Saml2Settings;
import com.onelogin.saml2.util.Util;
import java.security.GeneralSecurityException;

/** A SAML message for the HTTP-Redirect binding, signed with the provider's SP key (the query signature of that binding). */
public final class SamlRedirects {

    private SamlRedirects() {
    }

    /** {@code parameter}: SAMLRequest or SAMLResponse; {@code encoded}: the deflated, base64-encoded message. */
    public static String signed(Saml2Settings saml, String target, String parameter, String encoded) {
        String algorithm = saml.getSignatureAlgorithm();
        String query = parameter + "=" + Util.urlEncoder(encoded) + "&SigAlg=" + Util.urlEncoder(algorithm);
        try {
            String signature = Util.base64encoder(Util.sign(query, saml.getSPkey(), algorithm));
            return target + (target.contains("?") ? "&" : "?") + query + "&Signature=" + Util.urlEncoder(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the SAML message could not be signed", e);
        }
    }
}
