package org.opencps.portal.internal.security;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.opencps.platform.config.PublicUrl;
import org.opencps.platform.secrets.ServerSecrets;
import org.springframework.http.ResponseCookie;
import org.springframework.security.oauth2.client.web.AuthorizationRequestRepository;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps a sign-in's pending authorization request (state, nonce, PKCE verifier) in a sealed cookie rather than a
 * session: visitors get no session before they are logged in (anyone could otherwise fill the session table by
 * starting sign-ins), and any server process can finish the sign-in. The cookie is sealed (AEAD) by the server's
 * key, so it can neither be read nor forged, lives ten minutes, is HttpOnly and SameSite=Lax (the provider's
 * redirect back is a top-level GET), and is used once: the callback clears it. A callback whose {@code state} is
 * not the cookie's finds nothing.
 */
@Component
class SsoAuthorizationRequests implements AuthorizationRequestRepository<OAuth2AuthorizationRequest> {

    static final String COOKIE = "OPENCPS_SSO";
    private static final Duration LIFETIME = Duration.ofMinutes(10);
    private static final String CONTEXT = "oidc-authorization-request";

    private final ServerSecrets secrets;
    private final JsonMapper json;
    private final Clock clock;
    private final PublicUrl publicUrl;

    SsoAuthorizationRequests(ServerSecrets secrets, JsonMapper json, Clock clock, PublicUrl publicUrl) {
        this.secrets = secrets;
        this.json = json;
        this.clock = clock;
        this.publicUrl = publicUrl;
    }

    @Override
    public OAuth2AuthorizationRequest loadAuthorizationRequest(HttpServletRequest request) {
        String state = request.getParameter(OAuth2ParameterNames.STATE);
        String value = cookieValue(request);
        if (state == null || value == null) {
            return null;
        }
        try {
            Map<?, ?> stored = json.readValue(secrets.open(value, CONTEXT), Map.class);
            long expires = ((Number) stored.get("expires")).longValue();
            if (clock.instant().getEpochSecond() > expires || !state.equals(stored.get("state"))) {
                return null;
            }
            return OAuth2AuthorizationRequest.authorizationCode()
                    .authorizationUri((String) stored.get("authorizationUri"))
                    .clientId((String) stored.get("clientId"))
                    .redirectUri((String) stored.get("redirectUri"))
                    .scopes(new LinkedHashSet<>(strings(stored.get("scopes"))))
                    .state((String) stored.get("state"))
                    .additionalParameters(map(stored.get("parameters")))
                    .attributes(map(stored.get("attributes")))
                    .authorizationRequestUri((String) stored.get("requestUri"))
                    .build();
        } catch (IllegalStateException | JacksonException | ClassCastException | NullPointerException | IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public void saveAuthorizationRequest(OAuth2AuthorizationRequest authorization, HttpServletRequest request,
                                         HttpServletResponse response) {
        if (authorization == null) {
            write(request, response, "", Duration.ZERO);
            return;
        }
        Map<String, Object> stored = new LinkedHashMap<>();
        stored.put("authorizationUri", authorization.getAuthorizationUri());
        stored.put("clientId", authorization.getClientId());
        stored.put("redirectUri", authorization.getRedirectUri());
        stored.put("scopes", List.copyOf(authorization.getScopes()));
        stored.put("state", authorization.getState());
        stored.put("parameters", authorization.getAdditionalParameters());
        stored.put("attributes", authorization.getAttributes());
        stored.put("requestUri", authorization.getAuthorizationRequestUri());
        stored.put("expires", clock.instant().plus(LIFETIME).getEpochSecond());
        write(request, response, secrets.seal(json.writeValueAsString(stored), CONTEXT), LIFETIME);
    }

    @Override
    public OAuth2AuthorizationRequest removeAuthorizationRequest(HttpServletRequest request, HttpServletResponse response) {
        OAuth2AuthorizationRequest found = loadAuthorizationRequest(request);
        if (cookieValue(request) != null) {
            write(request, response, "", Duration.ZERO);
        }
        return found;
    }

    private String cookieValue(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        String name = name(request);
        for (Cookie cookie : cookies) {
            if (cookie.getName().equals(name) && !cookie.getValue().isEmpty()) {
                return cookie.getValue();
            }
        }
        return null;
    }

    private void write(HttpServletRequest request, HttpServletResponse response, String value, Duration maxAge) {
        boolean secure = secure(request);
        var cookie = ResponseCookie.from(name(request), value).path("/").httpOnly(true).sameSite("Lax").secure(secure)
                .maxAge(maxAge).build();
        response.addHeader("Set-Cookie", cookie.toString());
    }

    private String name(HttpServletRequest request) {
        return secure(request) ? "__Host-" + COOKIE : COOKIE;
    }

    private boolean secure(HttpServletRequest request) {
        return request.isSecure() || publicUrl.https();
    }

    private static List<String> strings(Object value) {
        return ((List<?>) value).stream().map(String.class::cast).toList();
    }

    private static Map<String, Object> map(Object value) {
        Map<String, Object> copy = new LinkedHashMap<>();
        ((Map<?, ?>) value).forEach((key, item) -> copy.put((String) key, item));
        return copy;
    }
}
