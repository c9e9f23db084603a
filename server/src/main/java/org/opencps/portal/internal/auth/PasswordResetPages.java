package org.opencps.portal.internal.auth;

import jakarta.servlet.http.HttpServletRequest;
import org.opencps.identity.PasswordResets;
import org.opencps.platform.errors.ConflictException;
import org.opencps.platform.errors.InvalidInputException;
import org.opencps.platform.errors.TooManyRequestsException;
import org.opencps.portal.internal.web.ProblemTexts;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Password reset: the request form with its proof-of-work challenge (solved in the browser by
 * pow.js, from the public challenge route), and the e-mailed link's form. The answer to a request
 * is the same whether or not the address has an account.
 */
@Controller
class PasswordResetPages {

    private final PasswordResets resets;

    PasswordResetPages(PasswordResets resets) {
        this.resets = resets;
    }

    @GetMapping("/password-reset")
    String requestForm() {
        return "auth/password-reset";
    }

    @PostMapping("/password-reset")
    String request(@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String altcha,
                   HttpServletRequest request, Model model) {
        try {
            resets.request(email, altcha, request.getRemoteAddr());
            model.addAttribute("sent", true);
        } catch (InvalidInputException e) {
            model.addAttribute("failure", ProblemTexts.of(e));
            model.addAttribute("failedField", e.field());
            model.addAttribute("email", email.length() > 254 ? "" : email);
        } catch (TooManyRequestsException e) {
            model.addAttribute("failure", ProblemTexts.of(e));
        }
        return "auth/password-reset";
    }

    @GetMapping("/reset-password")
    String completeForm(@RequestParam(defaultValue = "") String token, Model model) {
        model.addAttribute("token", token);
        return "auth/reset-password";
    }

    /** The link's token is checked here, with the new password: a wrong or used link is a 404 page. */
    @PostMapping("/reset-password")
    String complete(@RequestParam(defaultValue = "") String token, @RequestParam(defaultValue = "") String newPassword,
                    @RequestParam(defaultValue = "") String confirmPassword, Model model) {
        try {
            if (!newPassword.equals(confirmPassword)) {
                throw new InvalidInputException("confirmPassword", "problem.password.differ", "the two new passwords differ");
            }
            resets.complete(token, newPassword);
            return "redirect:/login?done=reset";
        } catch (InvalidInputException | ConflictException e) {
            model.addAttribute("token", token);
            model.addAttribute("failure", ProblemTexts.of(e));
            return "auth/reset-password";
        }
    }
}
