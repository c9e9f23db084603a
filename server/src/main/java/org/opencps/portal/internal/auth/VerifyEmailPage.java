package org.opencps.portal.internal.auth;

import org.opencps.identity.SignUps;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The e-mailed verification link opens a page with a button: the link is used only by that
 * press (a POST), not by a mail scanner that fetches every link it sees.
 */
@Controller
class VerifyEmailPage {

    private final SignUps signUps;

    VerifyEmailPage(SignUps signUps) {
        this.signUps = signUps;
    }

    @GetMapping("/verify-email")
    String form(@RequestParam(defaultValue = "") String token, Model model) {
        model.addAttribute("token", token);
        return "auth/verify-email";
    }

    @PostMapping("/verify-email")
    String verify(@RequestParam(defaultValue = "") String token) {
        signUps.verify(token);
        return "redirect:/login?done=verified";
    }
}
