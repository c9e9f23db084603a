package org.opencps.identity.internal.google;

import java.net.URI;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The OAuth 2.0 authorization code flow (with PKCE S256) that connects an organization's Google Workspace, and the
 * refresh of an access token for each import. Google hands out a refresh token only with access_type=offline and
 * the consent prompt.
 */
@Component
public class GoogleOAuth {

    private final GoogleEndpoints endpoints;
    private final GoogleApi api;

    GoogleOAuth(GoogleEndpoints endpoints, GoogleApi api) {
        this.endpoints = endpoints;
        this.api = api;
    }

    public URI authorizationUrl(String redirectUri, String state, String challenge) {
        String base = endpoints.authorizeUri().toString();
        return URI.create(base + (base.contains("?") ? "&" : "?") + "response_type=code"
                + "&client_id=" + GoogleApi.encode(endpoints.clientId())
                + "&redirect_uri=" + GoogleApi.encode(redirectUri)
                + "&scope=" + GoogleApi.encode(GoogleEndpoints.SCOPES)
                + "&state=" + GoogleApi.encode(state)
                + "&code_challenge=" + GoogleApi.encode(challenge) + "&code_challenge_method=S256"
                + "&access_type=offline&prompt=consent");
    }

    /** @return the refresh token the code is exchanged for */
    public String exchange(String code, String verifier, String redirectUri) {
        JsonNode answer = api.postForm(endpoints.tokenUri(), Map.of("grant_type", "authorization_code", "code", code,
                "code_verifier", verifier, "redirect_uri", redirectUri, "client_id", endpoints.clientId(),
                "client_secret", endpoints.clientSecret()));
        String refresh = GoogleApi.text(answer, "refresh_token");
        if (refresh == null || refresh.isBlank()) {
            throw new GoogleCallFailed("Google granted no refresh token (offline access)");
        }
        String scope = GoogleApi.text(answer, "scope");
        if (scope != null && !scope.contains("admin.directory.user.readonly")) {
            throw new GoogleCallFailed("Google did not grant reading the directory's users");
        }
        return refresh;
    }

    public String accessToken(String refreshToken) {
        JsonNode answer = api.postForm(endpoints.tokenUri(), Map.of("grant_type", "refresh_token", "refresh_token", refreshToken,
                "client_id", endpoints.clientId(), "client_secret", endpoints.clientSecret()));
        String access = GoogleApi.text(answer, "access_token");
        if (access == null || access.isBlank()) {
            throw new GoogleCallFailed("Google gave no access token for the stored connection");
        }
        return access;
    }
}
