package org.opencps.portal.internal.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.opencps.identity.SecondFactors;
import org.opencps.identity.SessionLogin;
import org.opencps.platform.errors.UnauthenticatedException;
import org.opencps.platform.security.AddressNotAllowedException;
import org.opencps.portal.internal.web.LocalPaths;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The second step of a sign-in, for a person with a second factor: after the password (or the identity provider)
 * the browser holds only a pending sign-in, and this page takes the code of their authenticator app or a recovery
 * code. Without a pending sign-in it sends the visitor to the login page.
 */
@Controller
class SecondFactorPage {

    static final String PATH = "/login/second-factor";

    private final SessionLogin sessions;
    private final MessageSource messages;
    private final SecondFactors factors;

    SecondFactorPage(SessionLogin sessions, MessageSource messages, SecondFactors factors) {
        this.sessions = sessions;
        this.messages = messages;
        this.factors = factors;
    }

    /** Which ways to prove it the page offers: a code (an app, with its recovery codes), a passkey. */
    static void offer(Model model, SecondFactors.Status status) {
        model.addAttribute("codes", status.totp());
        model.addAttribute("passkeys", status.passkeys() > 0);
    }

    @GetMapping(PATH)
    String form(@RequestParam(name = "continue", required = false) String next, HttpServletRequest request, Model model) {
        if (!sessions.secondFactorPending(request)) {
            return "redirect:/login";
        }
        model.addAttribute("next", LocalPaths.orDefault(next, null));
        sessions.pendingUser(request).ifPresent(user -> offer(model, factors.status(user)));
        return "auth/second-factor";
    }

    @PostMapping(PATH)
    String submit(@RequestParam(defaultValue = "") String code, @RequestParam(name = "continue", required = false) String next,
                  HttpServletRequest request, HttpServletResponse response, Locale locale, Model model) {
        String failure;
        try {
            var step = sessions.completeSecondFactor(request, response, code);
            if (step.accepted()) {
                String target = LocalPaths.orDefault(next, "/");
                return step.signedIn().orgId() != null ? "redirect:" + target
                        : "redirect:/organizations/select?continue=" + URLEncoder.encode(target, StandardCharsets.UTF_8);
            }
            failure = step.refusal();
        } catch (UnauthenticatedException e) {
            return "redirect:/login";
        } catch (AddressNotAllowedException e) {
            failure = messages.getMessage("login.refused.network", new Object[] {request.getRemoteAddr()}, locale);
        }
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        model.addAttribute("failure", failure);
        model.addAttribute("next", LocalPaths.orDefault(next, null));
        sessions.pendingUser(request).ifPresent(user -> offer(model, factors.status(user)));
        return "auth/second-factor";
    }
}
