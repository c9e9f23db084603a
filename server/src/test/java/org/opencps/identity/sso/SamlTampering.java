package org.opencps.identity.sso;

import com.onelogin.saml2.util.Constants;
import com.onelogin.saml2.util.Util;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Base64;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * What an attacker does to a genuine response of the IdP (only the attack tests build assertions by hand): edit the
 * XML, move signed parts around, or, for the checks behind the signature, re-sign the edited response with the IdP's
 * key, as an IdP that signs whatever it is given would.
 */
final class SamlTampering {

    static final String ASSERTION_NS = Constants.NS_SAML;
    static final String PROTOCOL_NS = Constants.NS_SAMLP;
    static final String DSIG_NS = Constants.NS_DS;

    private SamlTampering() {
    }

    static String xml(String encoded) {
        return new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
    }

    static Document document(String encoded) {
        return Util.loadXML(xml(encoded));
    }

    static String encode(String xml) {
        return Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8));
    }

    static String encode(Document document) {
        return encode(Util.convertDocumentToString(document));
    }

    static Element first(Node scope, String namespace, String localName) {
        NodeList found = scope instanceof Document document ? document.getElementsByTagNameNS(namespace, localName)
                : ((Element) scope).getElementsByTagNameNS(namespace, localName);
        if (found.getLength() == 0) {
            throw new AssertionError("no " + localName + " in the response");
        }
        return (Element) found.item(0);
    }

    static void removeSignatures(Document document) {
        NodeList signatures = document.getElementsByTagNameNS(DSIG_NS, "Signature");
        while (signatures.getLength() > 0) {
            signatures.item(0).getParentNode().removeChild(signatures.item(0));
        }
    }

    /** What a naive service provider checks: the first signature in the document verifies with the IdP's certificate. */
    static boolean firstSignatureVerifies(Document document, X509Certificate idp) {
        Node signature = first(document, DSIG_NS, "Signature");
        return Util.validateSignNode(signature, idp, null, null, false);
    }

    /** The XML of a redirect-binding message (SAMLRequest or SAMLResponse) in a URL. */
    static String redirectXml(URI url, String parameter) {
        for (String pair : url.getRawQuery().split("&")) {
            if (pair.startsWith(parameter + "=")) {
                return Util.base64decodedInflated(URLDecoder.decode(pair.substring(parameter.length() + 1), StandardCharsets.UTF_8));
            }
        }
        throw new AssertionError("no " + parameter + " in " + url);
    }

    /** A logout response for the redirect binding to {@code endpoint}, signed in the query with {@code key} as the binding does. */
    static URI signedLogoutResponse(String endpoint, String xml, PrivateKey key) throws Exception {
        String query = "SAMLResponse=" + Util.urlEncoder(Util.deflatedBase64encoded(xml)) + "&SigAlg="
                + Util.urlEncoder(Constants.RSA_SHA256);
        String signature = Util.base64encoder(Util.sign(query, key, Constants.RSA_SHA256));
        return URI.create(endpoint + "?" + query + "&Signature=" + Util.urlEncoder(signature));
    }

    /** The edited response signed anew as a whole by the IdP's key. */
    static String resign(Document document, PrivateKey key, X509Certificate certificate) throws Exception {
        removeSignatures(document);
        return encode(Util.addSign(document, key, certificate, Constants.RSA_SHA256, Constants.SHA256));
    }
}
