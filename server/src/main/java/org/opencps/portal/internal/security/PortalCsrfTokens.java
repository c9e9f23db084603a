package org.opencps.portal.internal.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.opencps.identity.LoginSessionListener;
import org.opencps.platform.config.PublicUrl;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.stereotype.Component;

/**
 * Where the portal keeps its CSRF tokens. A logged-in person's token lives in their session. A
 * visitor without a session (the login page, the links sent by e-mail) gets it in a cookie
 * instead, checked against the form's field (double submit), so that opening a page without
 * logging in never creates a session row: otherwise anyone could fill the session table by
 * fetching the login page. The cookie is HttpOnly and SameSite=Lax; over TLS it is Secure and named
 * with the {@code __Host-} prefix, so no other host (a sibling subdomain, say) can set it. The page
 * only ever shows the token masked afresh on each answer (Spring's default request handler), which
 * keeps it safe from compression side channels.
 */
@Component
class PortalCsrfTokens implements CsrfTokenRepository, LoginSessionListener {

    static final String COOKIE = "OPENCPS_CSRF";
    /** The header htmx sends the token in (see portal.js), for both kinds of token. */
    static final String HEADER = "X-CSRF-TOKEN";

    private final HttpSessionCsrfTokenRepository inSession = new HttpSessionCsrfTokenRepository();
    private final CookieCsrfTokenRepository plainCookie = cookie(COOKIE, false);
    private final CookieCsrfTokenRepository hostCookie = cookie("__Host-" + COOKIE, true);
    private final PublicUrl publicUrl;

    PortalCsrfTokens(PublicUrl publicUrl) {
        this.publicUrl = publicUrl;
    }

    @Override
    public CsrfToken generateToken(HttpServletRequest request) {
        return where(request).generateToken(request);
    }

    @Override
    public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
        where(request).saveToken(token, request, response);
    }

    @Override
    public CsrfToken loadToken(HttpServletRequest request) {
        return where(request).loadToken(request);
    }

    @Override
    public void loginSessionStarting(HttpServletRequest request, HttpServletResponse response) {
        forgetVisitorToken(request, response);
    }

    /**
     * At login, before the new session starts: the visitor's token stops working (its cookie is
     * cleared), and the session gets its own when the next page asks for one, so a token known
     * before the login is no use after it. A login without the cookie (the API's) gets no answer about it.
     */
    private void forgetVisitorToken(HttpServletRequest request, HttpServletResponse response) {
        var cookie = cookieFor(request);
        if (cookie.loadToken(request) != null) {
            cookie.saveToken(null, request, response);
        }
    }

    private CsrfTokenRepository where(HttpServletRequest request) {
        return request.getSession(false) != null ? inSession : cookieFor(request);
    }

    /**
     * The prefixed, Secure cookie whenever browsers reach the server over HTTPS: the request says so,
     * or the public URL does (behind a proxy that ends TLS without forwarding that fact); a cookie
     * without the prefix could be planted by a sibling subdomain. Over plain HTTP (a development
     * server) a cookie cannot carry the prefix, which needs Secure.
     */
    private CookieCsrfTokenRepository cookieFor(HttpServletRequest request) {
        return request.isSecure() || publicUrl.https() ? hostCookie : plainCookie;
    }

    private static CookieCsrfTokenRepository cookie(String name, boolean secure) {
        var repository = new CookieCsrfTokenRepository();
        repository.setCookieName(name);
        repository.setHeaderName(HEADER);
        repository.setCookiePath("/");
        repository.setCookieCustomizer(cookie -> {
            cookie.httpOnly(true).sameSite("Lax");
            if (secure) {
                cookie.secure(true);
            }
        });
        return repository;
    }
}
