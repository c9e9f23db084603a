package org.opencps.identity.sso;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.opencps.testing.Api;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.util.HtmlUtils;

/**
 * A browser for the sign-in flow over HTTP: it talks to OpenCPS (MockMvc, keeping its cookies) and to the identity
 * provider (real HTTP on loopback), following the redirects between them as a browser would.
 */
final class SsoBrowser {

    private static final Pattern FORM_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern FORM_ACTION = Pattern.compile("action=\"([^\"]+)\"");
    private static final Pattern SAML_RESPONSE = Pattern.compile("name=\"SAMLResponse\" value=\"([^\"]+)\"");
    private static final Pattern SIGN_OUT_LINK = Pattern.compile("id=\"sign-out-at-provider\" href=\"([^\"]+)\"");
    private static final Pattern REFRESH = Pattern.compile("<meta http-equiv=\"refresh\" content=\"0; url=([^\"]+)\"");

    private final MockMvc mvc;
    private final RequestPostProcessor address = Api.fromOwnAddress();
    private final Map<String, Cookie> cookies = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    SsoBrowser(MockMvc mvc) {
        this.mvc = mvc;
    }

    /** Opens an OpenCPS URL and follows redirects through the provider and back; answers OpenCPS's last response. */
    MvcResult open(String path) throws Exception {
        return follow(send(get(path)));
    }

    /** Sends the login page's form (with its CSRF field) and follows where it leads. */
    MvcResult submitLogin(String action, String body) throws Exception {
        return follow(submitLoginOnly(action, body));
    }

    /** Sends the login page's form and answers OpenCPS's first response, without following it. */
    MvcResult submitLoginOnly(String action, String body) throws Exception {
        return submitFrom("/login", action, body);
    }

    /** Sends a form of the page at {@code pagePath} (with its CSRF field); answers OpenCPS's response, not followed. */
    MvcResult submitFrom(String pagePath, String action, String body) throws Exception {
        String page = send(get(pagePath)).getResponse().getContentAsString();
        var token = FORM_FIELD.matcher(page);
        if (!token.find()) {
            throw new AssertionError("the page " + pagePath + " has no CSRF field");
        }
        return send(post(action).contentType("application/x-www-form-urlencoded")
                .content((body.isEmpty() ? "" : body + "&") + "_csrf=" + token.group(1)));
    }

    /** Opens a page of OpenCPS without following anything. */
    MvcResult page(String path) throws Exception {
        return send(get(path));
    }

    /** From now on in this login session (one started elsewhere, over the API say). */
    SsoBrowser inSession(Cookie session) {
        cookies.put(session.getName(), session);
        return this;
    }

    /** The provider's answer to the authorization request OpenCPS redirected to, without following it back. */
    URI authorizeAtProvider(String startPath) throws Exception {
        MvcResult start = send(get(startPath));
        return providerRedirect(URI.create(start.getResponse().getRedirectedUrl()));
    }

    /** Delivers a provider's redirect (code and state) to OpenCPS, as this browser. */
    MvcResult deliver(URI callback) throws Exception {
        return follow(send(get(URI.create(callback.getRawPath() + "?" + callback.getRawQuery()))));
    }

    /** Opens a sign-in link without going on to the provider: the redirect to it, and the cookies OpenCPS set. */
    MvcResult start(String startPath) throws Exception {
        return send(get(startPath));
    }

    /** A SAML response from the IdP for a sign-in started at {@code startPath}, not yet delivered: the IdP's form. */
    SamlPost samlResponseFor(String startPath, Pysaml2IdentityProvider idp) throws Exception {
        MvcResult start = start(startPath);
        String location = start.getResponse().getRedirectedUrl();
        if (location == null) {
            throw new AssertionError("the sign-in link answered " + start.getResponse().getStatus() + ", no redirect to the IdP");
        }
        var page = idp.get(URI.create(location));
        if (page.statusCode() != 200) {
            throw new AssertionError("the IdP answered " + page.statusCode() + ": " + page.body());
        }
        var action = FORM_ACTION.matcher(page.body());
        var response = SAML_RESPONSE.matcher(page.body());
        if (!action.find() || !response.find()) {
            throw new AssertionError("the IdP's page has no SAMLResponse form: " + page.body());
        }
        return new SamlPost(URI.create(action.group(1)).getRawPath(), response.group(1));
    }

    /** Posts a SAML response to OpenCPS's ACS, as the IdP's form does in the browser (no CSRF token). */
    MvcResult postSaml(SamlPost post) throws Exception {
        return send(post(post.acsPath()).contentType("application/x-www-form-urlencoded")
                .param("SAMLResponse", post.samlResponse()));
    }

    /** Signs in through the IdP from a sign-in link: start, IdP, ACS. */
    MvcResult samlSignIn(String startPath, Pysaml2IdentityProvider idp) throws Exception {
        return postSaml(samlResponseFor(startPath, idp));
    }

    /** Opens an OpenCPS path (and query) as given in a URL the IdP sent the browser to. */
    MvcResult openAt(URI url) throws Exception {
        return send(get(URI.create(url.getRawPath() + "?" + url.getRawQuery())));
    }

    /** Signs out of the portal with the layout's form (and its CSRF field); answers OpenCPS's response, not followed. */
    MvcResult logout() throws Exception {
        return submitFrom("/account", "/logout", "");
    }

    /** Where the signing-out page sends the browser: the link to the identity provider's logout. */
    static URI providerSignOut(MvcResult signingOut) throws Exception {
        var link = SIGN_OUT_LINK.matcher(signingOut.getResponse().getContentAsString());
        if (!link.find()) {
            throw new AssertionError("the page has no link to the provider's logout: " + signingOut.getResponse().getContentAsString());
        }
        return URI.create(HtmlUtils.htmlUnescape(link.group(1)));
    }

    /** The provider's redirect back to OpenCPS after its logout (it answers 302), not yet delivered. */
    URI signOutAtProvider(URI atProvider) throws Exception {
        return providerRedirect(atProvider);
    }

    record SamlPost(String acsPath, String samlResponse) {

        SamlPost with(String otherResponse) {
            return new SamlPost(acsPath, otherResponse);
        }
    }

    Cookie session() {
        return cookies.get(Api.SESSION_COOKIE);
    }

    void forgetCookies() {
        cookies.clear();
    }

    /** Where a page of OpenCPS sends the browser on by refreshing (home realm discovery's), or null. */
    static String continuesTo(MvcResult page) throws Exception {
        var refresh = REFRESH.matcher(page.getResponse().getContentAsString());
        return refresh.find() ? refresh.group(1) : null;
    }

    /** Follows OpenCPS's redirects to the start of a sign-in and to the provider, and the provider's back; stops at any other page. */
    private MvcResult follow(MvcResult result) throws Exception {
        for (int hops = 0; hops < 5; hops++) {
            String location = result.getResponse().getRedirectedUrl();
            if (location == null) {
                location = continuesTo(result);
            }
            if (location == null) {
                return result;
            }
            URI target = URI.create(location);
            if (target.getHost() != null && target.getPort() > 0) {
                URI callback = providerRedirect(target);
                result = send(get(URI.create(callback.getRawPath() + "?" + callback.getRawQuery())));
            } else if (target.getHost() == null && location.startsWith("/sso/oidc/start/")) {
                result = send(get(location));
            } else {
                return result;
            }
        }
        throw new AssertionError("too many redirects");
    }

    private URI providerRedirect(URI atProvider) throws IOException, InterruptedException {
        var response = http.send(HttpRequest.newBuilder(atProvider).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 302) {
            throw new AssertionError("the provider answered " + response.statusCode() + ": " + response.body());
        }
        return URI.create(response.headers().firstValue("Location").orElseThrow());
    }

    private MvcResult send(MockHttpServletRequestBuilder request) throws Exception {
        request.with(address);
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
