package org.opencps.portal.internal.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opencps.identity.SamlSignIns;
import org.opencps.platform.errors.InvalidInputException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The browser's way through an organization's SAML identity provider: the organization-specific sign-in link (to the
 * IdP with a signed request; the browser keeps a binding cookie, {@link SamlBindingCookie}), the assertion consumer
 * service the IdP posts its response to (no CSRF token: the response's signature, its answer to OpenCPS's own request
 * and the binding cookie of the browser that started it take that part), and single logout. The checks are
 * identity's ({@link SamlSignIns}); the session starts as after any sign-in ({@link SsoSignInCompletion}).
 */
@Controller
class SamlSignInController {

    private final SamlSignIns saml;
    private final SsoSignInCompletion completion;
    private final SamlBindingCookie binding;

    SamlSignInController(SamlSignIns saml, SsoSignInCompletion completion, SamlBindingCookie binding) {
        this.saml = saml;
        this.completion = completion;
        this.binding = binding;
    }

    @GetMapping("/sso/saml/start/{providerId}")
    ResponseEntity<Void> start(@PathVariable UUID providerId, HttpServletRequest request, HttpServletResponse response) {
        var started = saml.signInRedirect(providerId, binding.value(request));
        binding.keep(request, response, started.browserBinding());
        return redirect(started.location());
    }

    @PostMapping("/sso/saml/acs/{providerId}")
    void acs(@PathVariable UUID providerId, @RequestParam(name = "SAMLResponse", required = false) String samlResponse,
             HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        completion.complete(request, response, saml.signIn(providerId, samlResponse, binding.value(request), request.getRemoteAddr()));
    }

    /**
     * The IdP's logout request: the person's sessions end, and the browser goes back to the IdP with the answer. (The
     * IdP's answer to OpenCPS's own logout request comes here too: {@link SsoSignedOutPages}.)
     */
    @GetMapping("/sso/saml/slo/{providerId}")
    ResponseEntity<Void> singleLogout(@PathVariable UUID providerId, HttpServletRequest request) {
        try {
            return redirect(saml.singleLogout(providerId, parameters(request), request.getQueryString()));
        } catch (InvalidInputException e) {
            return ResponseEntity.status(HttpStatus.BAD_REQUEST).cacheControl(CacheControl.noStore()).build();
        }
    }

    /** The query's parameters as java-saml reads them. */
    static Map<String, List<String>> parameters(HttpServletRequest request) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> parameters.put(name, Arrays.asList(values)));
        return parameters;
    }

    private static ResponseEntity<Void> redirect(String location) {
        return ResponseEntity.status(HttpStatus.FOUND).header(HttpHeaders.LOCATION, location)
                .cacheControl(CacheControl.noStore()).build();
    }
}
