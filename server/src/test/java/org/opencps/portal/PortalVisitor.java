package org.opencps.portal;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.opencps.testing.Api;
import org.opencps.testing.World;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * One browser for the portal tests that need the real CSRF handling: it keeps the cookies it is
 * given, sends from its own address, and sends a form with the CSRF field of the page it opened
 * last. Its tests carry {@link RealCsrfTokens}.
 */
final class PortalVisitor {

    private static final Pattern FORM_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern META = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\"");

    private final MockMvc mvc;
    private final RequestPostProcessor address = Api.fromOwnAddress();
    private final Map<String, Cookie> cookies = new LinkedHashMap<>();
    private boolean secure;
    private String language;
    private String formToken;
    private String metaToken;

    PortalVisitor(MockMvc mvc) {
        this.mvc = mvc;
    }

    /** From now on asking for pages in this language (the browser's Accept-Language). */
    PortalVisitor inLanguage(String language) {
        this.language = language;
        return this;
    }

    /** From now on over TLS (as far as the server can tell). */
    PortalVisitor overTls() {
        secure = true;
        return this;
    }

    MvcResult open(String url) throws Exception {
        MvcResult result = send(get(url));
        String page = result.getResponse().getContentAsString();
        var field = FORM_FIELD.matcher(page);
        formToken = field.find() ? field.group(1) : null;
        var meta = META.matcher(page);
        metaToken = meta.find() ? meta.group(1) : null;
        return result;
    }

    /** Sends a form with the CSRF field of the page opened last. */
    MvcResult submit(String url, String body) throws Exception {
        if (formToken == null) {
            throw new AssertionError("the last page had no form with a CSRF field");
        }
        return submit(url, body, formToken);
    }

    /** Sends a form with this CSRF field, or none when null. */
    MvcResult submit(String url, String body, String token) throws Exception {
        String form = token == null ? body : body + (body.isEmpty() ? "" : "&") + "_csrf=" + token;
        return send(post(url).contentType("application/x-www-form-urlencoded").content(form));
    }

    /** Sends what htmx sends: the token of the page's meta tag in the header it names. */
    MvcResult htmx(String url, String body) throws Exception {
        return send(post(url).header("HX-Request", "true").header("X-CSRF-TOKEN", metaToken)
                .contentType("application/x-www-form-urlencoded").content(body));
    }

    /** Sends what the portal's scripts send to its JSON routes (passkeys): JSON, with the meta tag's CSRF token. */
    MvcResult json(String url, String body) throws Exception {
        return send(post(url).header("X-CSRF-TOKEN", metaToken).contentType("application/json").content(body));
    }

    /** Logs in on the login page, as a person of {@link World} (with its password). */
    MvcResult logIn(String email) throws Exception {
        open("/login");
        MvcResult result = submit("/login", "email=" + email + "&password=" + World.PASSWORD);
        if (result.getResponse().getStatus() != 302) {
            throw new AssertionError("login failed: " + result.getResponse().getStatus());
        }
        return result;
    }

    String formToken() {
        return formToken;
    }

    Cookie cookie(String name) {
        return cookies.get(name);
    }

    void setCookie(Cookie cookie) {
        cookies.put(cookie.getName(), cookie);
    }

    void forget(String cookieName) {
        cookies.remove(cookieName);
    }

    private MvcResult send(MockHttpServletRequestBuilder request) throws Exception {
        request.with(address).secure(secure);
        if (language != null) {
            request.header("Accept-Language", language);
        }
        if (!cookies.isEmpty()) {
            request.cookie(cookies.values().toArray(Cookie[]::new));
        }
        MvcResult result = mvc.perform(request).andReturn();
        for (Cookie cookie : result.getResponse().getCookies()) {
            if (cookie.getMaxAge() == 0) {
                cookies.remove(cookie.getName());
            } else {
                cookies.put(cookie.getName(), cookie);
            }
        }
        return result;
    }
}
