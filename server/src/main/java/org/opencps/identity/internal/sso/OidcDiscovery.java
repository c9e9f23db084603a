package org.opencps.identity.internal.sso;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.opencps.platform.errors.InvalidInputException;
import org.opencps.platform.io.LimitedInputStream;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fetches an issuer's OpenID Connect discovery document ({@code /.well-known/openid-configuration}) and keeps the
 * endpoints sign-in needs. The document must name the very issuer asked for (OpenID Connect Discovery §4.3), so a
 * document copied from elsewhere does not pass; every endpoint must pass {@link ProviderAddresses} too.
 */
@Component
public class OidcDiscovery {

    private static final long MAX_DOCUMENT = 256 * 1024;

    /** {@code endSessionEndpoint}: RP-Initiated Logout's, null when the provider names none (or none OpenCPS may use). */
    public record Endpoints(String authorizationEndpoint, String tokenEndpoint, String jwksUri, String endSessionEndpoint) {
    }

    private final ProviderAddresses addresses;
    private final JsonMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    OidcDiscovery(ProviderAddresses addresses, JsonMapper json) {
        this.addresses = addresses;
        this.json = json;
    }

    /** @throws InvalidInputException naming the field "issuer" when the document cannot be had or is wrong */
    public Endpoints discover(String issuer) {
        addresses.require("issuer", issuer);
        String trimmed = issuer.strip().endsWith("/") ? issuer.strip().substring(0, issuer.strip().length() - 1) : issuer.strip();
        URI document = URI.create(trimmed + "/.well-known/openid-configuration");
        JsonNode body;
        try {
            var response = http.send(HttpRequest.newBuilder(document).timeout(Duration.ofSeconds(10))
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = new LimitedInputStream(response.body(), MAX_DOCUMENT,
                    () -> new InvalidInputException("issuer", "problem.sso.discoveryTooLarge", "the discovery document is larger than 256 KiB"))) {
                if (response.statusCode() != 200) {
                    throw new InvalidInputException("issuer", "problem.sso.providerAnswered", "the provider answered " + response.statusCode() + " for " + document,
                            response.statusCode(), document);
                }
                body = json.readTree(in);
            }
        } catch (IOException | JacksonException e) {
            throw new InvalidInputException("issuer", "problem.sso.documentUnreadable", "the discovery document " + document + " could not be read: " + e.getMessage(),
                    document, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InvalidInputException("issuer", "problem.sso.fetchInterrupted", "fetching the discovery document was interrupted");
        }
        if (!issuer.strip().equals(text(body, "issuer"))) {
            throw new InvalidInputException("issuer", "problem.sso.issuerMismatch", "the discovery document names the issuer '" + text(body, "issuer")
                    + "', not '" + issuer.strip() + "'", String.valueOf(text(body, "issuer")), issuer.strip());
        }
        var endpoints = new Endpoints(text(body, "authorization_endpoint"), text(body, "token_endpoint"), text(body, "jwks_uri"),
                endSession(text(body, "end_session_endpoint")));
        addresses.require("issuer", endpoints.authorizationEndpoint());
        addresses.require("issuer", endpoints.tokenEndpoint());
        addresses.require("issuer", endpoints.jwksUri());
        return endpoints;
    }

    /**
     * The browser is sent to the end-session endpoint, so it gets the sign-in endpoints' rule (public https unless
     * private providers are allowed); one that fails it is dropped, and sign-out stays local, rather than the provider
     * refused as a whole.
     */
    private String endSession(String endpoint) {
        if (endpoint == null || endpoint.isBlank() || endpoint.length() > 1000) {
            return null;
        }
        try {
            addresses.require("issuer", endpoint);
            return endpoint;
        } catch (InvalidInputException e) {
            return null;
        }
    }

    private static String text(JsonNode body, String name) {
        JsonNode value = body == null ? null : body.get(name);
        return value == null || !value.isString() ? null : value.asString();
    }
}
