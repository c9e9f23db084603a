package org.opencps.portal.internal.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import org.opencps.identity.SecondFactors;
import org.opencps.identity.SessionLogin;
import org.opencps.platform.errors.ConflictException;
import org.opencps.platform.errors.InvalidInputException;
import org.opencps.platform.errors.UnauthenticatedException;
import org.opencps.platform.qr.QrPng;
import org.opencps.platform.security.AddressNotAllowedException;
import org.opencps.portal.internal.me.RecoveryCodesShownOnce;
import org.opencps.portal.internal.web.LocalPaths;
import org.opencps.portal.internal.web.ProblemTexts;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The second step of a sign-in, for a person with a second factor: after the password (or the identity provider)
 * the browser holds only a pending sign-in, and this page takes the code of their authenticator app or a recovery
 * code; when the person's organization requires a second factor they do not have yet (grace period over), it shows
 * the app to set up instead, and its first code signs them in. Without a pending sign-in it sends the visitor to the
 * login page.
 */
@Controller
class SecondFactorPage {

    static final String PATH = "/login/second-factor";
    /** Where a person whose organization requires a second factor goes after signing in, within the grace period. */
    static final String ENROL_SOON = "/account/second-factor?due";

    private final SessionLogin sessions;
    private final MessageSource messages;
    private final RecoveryCodesShownOnce recoveryCodes;
    private final SecondFactors factors;

    SecondFactorPage(SessionLogin sessions, MessageSource messages, RecoveryCodesShownOnce recoveryCodes, SecondFactors factors) {
        this.sessions = sessions;
        this.messages = messages;
        this.recoveryCodes = recoveryCodes;
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
        showEnrolment(request, model);
        sessions.pendingUser(request).ifPresent(user -> offer(model, factors.status(user)));
        return "auth/second-factor";
    }

    @PostMapping(PATH)
    String submit(@RequestParam(defaultValue = "") String code, @RequestParam(name = "continue", required = false) String next,
                  HttpServletRequest request, HttpServletResponse response, Locale locale, Model model, RedirectAttributes flash) {
        String failure;
        int status = HttpServletResponse.SC_UNAUTHORIZED;
        try {
            var step = sessions.completeSecondFactor(request, response, code);
            if (step.accepted()) {
                if (!step.recoveryCodes().isEmpty()) {
                    recoveryCodes.show(flash, step.signedIn(), step.recoveryCodes());
                    return "redirect:" + RecoveryCodesShownOnce.PAGE;
                }
                String target = LocalPaths.orDefault(next, "/");
                return step.signedIn().orgId() != null ? "redirect:" + target
                        : "redirect:/organizations/select?continue=" + URLEncoder.encode(target, StandardCharsets.UTF_8);
            }
            failure = ProblemTexts.of(step.refusal(), request);
        } catch (UnauthenticatedException e) {
            return "redirect:/login";
        } catch (InvalidInputException | ConflictException e) {
            failure = ProblemTexts.of(e, request);
            status = 422;
        } catch (AddressNotAllowedException e) {
            failure = messages.getMessage("login.refused.network", new Object[] {request.getRemoteAddr()}, locale);
        }
        response.setStatus(status);
        model.addAttribute("failure", failure);
        model.addAttribute("next", LocalPaths.orDefault(next, null));
        showEnrolment(request, model);
        sessions.pendingUser(request).ifPresent(user -> offer(model, factors.status(user)));
        return "auth/second-factor";
    }

    /** A pending sign-in that waits for the enrolment the organization requires shows the app to set up. */
    private void showEnrolment(HttpServletRequest request, Model model) {
        if (sessions.secondFactorPending(request)) {
            sessions.pendingEnrolment(request).ifPresent(enrolment -> {
                model.addAttribute("secret", enrolment.secret());
                model.addAttribute("qrCode", "data:image/png;base64,"
                        + Base64.getEncoder().encodeToString(QrPng.of(enrolment.otpauthUri())));
            });
        }
    }
}
