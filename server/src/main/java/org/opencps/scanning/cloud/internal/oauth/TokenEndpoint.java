package org.opencps.scanning.cloud.internal.oauth;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.opencps.scanning.cloud.internal.upload.CloudCallFailed;
import org.opencps.scanning.cloud.internal.upload.CloudHttp;
import org.opencps.scanning.cloud.internal.upload.ProviderResponses;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** A provider's OAuth2 token endpoint (RFC 6749): the code exchange with PKCE, refreshes and revocation. */
@Component
public class TokenEndpoint {

    /** What the token endpoint granted; {@code refreshToken} is null when the provider kept the old one. */
    public record Grant(String accessToken, String refreshToken, long expiresInSeconds) {

        @Override
        public String toString() {
            return "Grant[expires in " + expiresInSeconds + "s]";
        }
    }

    private final CloudHttp http;
    private final Clock clock;

    TokenEndpoint(CloudHttp http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    public Grant exchange(OAuthClients.Client client, String code, String verifier, String redirectUri) throws IOException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUri);
        form.put("code_verifier", verifier);
        return grant(client, form);
    }

    /** A new access token; REFUSED when the provider refuses the refresh token (invalid_grant: it was revoked or expired). */
    public Grant refresh(OAuthClients.Client client, String refreshToken) throws IOException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken);
        return grant(client, form);
    }

    /** Revokes a token at the provider, where it offers revocation; a failure leaves the local unlink done. */
    public boolean revoke(OAuthClients.Client client, String token) {
        if (client.endpoints().revokeUri() == null) {
            return false;
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", token);
        form.put("client_id", client.clientId());
        if (client.clientSecret() != null) {
            form.put("client_secret", client.clientSecret());
        }
        try {
            HttpResponse<String> response = http.send(post(client.endpoints().revokeUri(), form));
            return response.statusCode() / 100 == 2;
        } catch (IOException unreachable) {
            return false;
        }
    }

    private Grant grant(OAuthClients.Client client, Map<String, String> form) throws IOException {
        form.put("client_id", client.clientId());
        if (client.clientSecret() != null) {
            form.put("client_secret", client.clientSecret());
        }
        HttpResponse<String> response = http.send(post(client.endpoints().tokenUri(), form));
        JsonNode body = ProviderResponses.json(response.body());
        if (response.statusCode() == 400 || response.statusCode() == 401) {
            // RFC 6749 §5.2: invalid_grant is a revoked or expired grant; the others are this client's fault
            throw CloudCallFailed.refused("the token endpoint refused: " + body.path("error").asString("status " + response.statusCode()));
        }
        ProviderResponses.check(response, "the token endpoint", clock);
        String accessToken = body.path("access_token").asString("");
        if (accessToken.isBlank()) {
            throw CloudCallFailed.retry("the token endpoint answered without an access token");
        }
        String refreshToken = body.path("refresh_token").asString("");
        return new Grant(accessToken, refreshToken.isBlank() ? null : refreshToken, body.path("expires_in").asLong(3600));
    }

    private static HttpRequest.Builder post(java.net.URI uri, Map<String, String> form) {
        String encoded = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(encoded));
    }
}
