package org.opencps.identity.internal.saml;

import com.onelogin.saml2.settings.IdPMetadataParser;
import com.onelogin.saml2.settings.SettingsBuilder;
import com.onelogin.saml2.util.Util;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import javax.xml.xpath.XPathException;
import org.opencps.identity.internal.sso.ProviderAddresses;
import org.opencps.platform.errors.InvalidInputException;
import org.opencps.platform.io.LimitedInputStream;
import org.springframework.stereotype.Component;

/**
 * An identity provider's SAML metadata, as the admin uploaded it or as fetched from its URL: parsed without DTDs or
 * external entities (java-saml's parser), it must name the IdP's entity id, a single sign-on service and at least one
 * signing certificate. Fetches go only where {@link ProviderAddresses} allows.
 */
@Component
public class IdpMetadata {

    /** Entra ID's federation metadata is about 30 KiB; a metadata aggregate is not what is meant here. */
    static final int MAX_DOCUMENT = 512 * 1024;

    public record Parsed(String xml, String entityId, Map<String, Object> settings) {
    }

    private final ProviderAddresses addresses;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    IdpMetadata(ProviderAddresses addresses) {
        this.addresses = addresses;
    }

    /** @throws InvalidInputException naming {@code field} when the document is not usable IdP metadata */
    public Parsed parse(String field, String xml) {
        if (xml == null || xml.isBlank()) {
            throw new InvalidInputException(field, "problem.sso.metadataEmpty", "the identity provider's metadata is empty");
        }
        if (xml.length() > MAX_DOCUMENT) {
            throw new InvalidInputException(field, "problem.sso.metadataTooLarge", "the identity provider's metadata is larger than 512 KiB");
        }
        var document = Util.loadXML(xml.strip());
        if (document == null) {
            throw new InvalidInputException(field, "problem.sso.metadataNotXml", "the identity provider's metadata is not well-formed XML (or declares a DTD)");
        }
        Map<String, Object> settings;
        try {
            settings = IdPMetadataParser.parseXML(document);
        } catch (XPathException e) {
            throw new InvalidInputException(field, "problem.sso.metadataUnreadable", "the identity provider's metadata could not be read: " + e.getMessage(),
                    e.getMessage());
        }
        Object entityId = settings.get(SettingsBuilder.IDP_ENTITYID_PROPERTY_KEY);
        if (!(entityId instanceof String id) || id.isBlank() || id.length() > 500) {
            throw new InvalidInputException(field, "problem.sso.metadataNoIdp", "the metadata has no IDPSSODescriptor with an entityID");
        }
        if (settings.get(SettingsBuilder.IDP_SINGLE_SIGN_ON_SERVICE_URL_PROPERTY_KEY) == null) {
            throw new InvalidInputException(field, "problem.sso.metadataNoSso", "the metadata names no SingleSignOnService");
        }
        if (settings.get(SettingsBuilder.IDP_X509CERT_PROPERTY_KEY) == null) {
            throw new InvalidInputException(field, "problem.sso.metadataNoCertificate", "the metadata has no signing certificate (KeyDescriptor with X509Certificate)");
        }
        return new Parsed(xml.strip(), id, settings);
    }

    /** @throws InvalidInputException naming "idpMetadataUrl" when the metadata cannot be had or is not usable */
    public Parsed fetch(String url) {
        URI uri = addresses.requireAllowingQuery("idpMetadataUrl", url);
        try {
            var response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                    .header("Accept", "application/samlmetadata+xml, application/xml, text/xml").GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = new LimitedInputStream(response.body(), MAX_DOCUMENT,
                    () -> new InvalidInputException("idpMetadataUrl", "problem.sso.metadataTooLarge", "the metadata is larger than 512 KiB"))) {
                if (response.statusCode() != 200) {
                    throw new InvalidInputException("idpMetadataUrl", "problem.sso.providerAnswered",
                            "the identity provider answered " + response.statusCode() + " for " + uri, response.statusCode(), uri);
                }
                return parse("idpMetadataUrl", new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new InvalidInputException("idpMetadataUrl", "problem.sso.documentUnreadable", "the metadata at " + uri + " could not be read: " + e.getMessage(),
                    uri, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InvalidInputException("idpMetadataUrl", "problem.sso.fetchInterrupted", "fetching the metadata was interrupted");
        }
    }
}
