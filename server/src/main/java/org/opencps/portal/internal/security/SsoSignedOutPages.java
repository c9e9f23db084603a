package org.opencps.portal.internal.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.UUID;
import org.opencps.identity.SsoSignOuts;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Where the identity provider sends the browser back after the sign-out OpenCPS asked for: the OpenID Connect
 * post-logout landing (with the state OpenCPS sent) and the SAML IdP's LogoutResponse at the single logout endpoint.
 * The page says what came of it; an answer that fails identity's checks ({@link SsoSignOuts}) is refused with 400 and
 * changes nothing.
 */
@Controller
class SsoSignedOutPages {

    private final SsoSignOuts signOuts;

    SsoSignedOutPages(SsoSignOuts signOuts) {
        this.signOuts = signOuts;
    }

    @GetMapping("/sso/oidc/signed-out/{providerId}")
    String oidc(@PathVariable UUID providerId, @RequestParam(required = false) String state, HttpServletResponse response,
                Model model) {
        return page(signOuts.oidcReturned(providerId, state), response, model);
    }

    /** The IdP's answer to OpenCPS's LogoutRequest; its own logout requests go to {@link SamlSignInController}. */
    @GetMapping(value = "/sso/saml/slo/{providerId}", params = "SAMLResponse")
    String saml(@PathVariable UUID providerId, HttpServletRequest request, HttpServletResponse response, Model model) {
        return page(signOuts.samlLogoutResponse(providerId, SamlSignInController.parameters(request), request.getQueryString()),
                response, model);
    }

    private static String page(SsoSignOuts.Answer answer, HttpServletResponse response, Model model) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        if (answer == SsoSignOuts.Answer.REFUSED) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        model.addAttribute("answer", answer.name().toLowerCase(Locale.ROOT));
        return "auth/signed-out";
    }
}
