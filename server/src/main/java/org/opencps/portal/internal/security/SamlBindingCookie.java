package org.opencps.portal.internal.security;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.opencps.platform.config.PublicUrl;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * The cookie that binds a pending SAML sign-in to the browser that started it (identity keeps only the value's hash
 * with the request). The IdP answers with a cross-site POST to the ACS, which a SameSite=Lax cookie does not
 * accompany, so over HTTPS it is SameSite=None (and Secure, with the {@code __Host-} prefix); over plain HTTP
 * browsers refuse SameSite=None without Secure, so it is Lax there, which works when the IdP is on the same site
 * (a test or lab set-up). HttpOnly, ten minutes, and only sent to the SAML paths.
 */
@Component
class SamlBindingCookie {

    static final String NAME = "OPENCPS_SAML";
    private static final Duration LIFETIME = Duration.ofMinutes(10);

    private final PublicUrl publicUrl;

    SamlBindingCookie(PublicUrl publicUrl) {
        this.publicUrl = publicUrl;
    }

    String value(HttpServletRequest request) {
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

    /**
     * Sets (or renews) the cookie. It is not cleared at the ACS: several tabs may sign in with the one value, and the
     * value is worth nothing without a pending request, each of which is answered once.
     */
    void keep(HttpServletRequest request, HttpServletResponse response, String value) {
        boolean secure = secure(request);
        // the __Host- prefix requires Path=/; the plain-HTTP cookie is limited to the SAML paths
        var cookie = ResponseCookie.from(name(request), value).path(secure ? "/" : "/sso/saml/").httpOnly(true)
                .secure(secure).sameSite(secure ? "None" : "Lax").maxAge(LIFETIME).build();
        response.addHeader("Set-Cookie", cookie.toString());
    }

    private String name(HttpServletRequest request) {
        return secure(request) ? "__Host-" + NAME : NAME;
    }

    private boolean secure(HttpServletRequest request) {
        return request.isSecure() || publicUrl.https();
    }
}
