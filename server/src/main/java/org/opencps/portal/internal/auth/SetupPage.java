package org.opencps.portal.internal.auth;

import org.opencps.identity.FirstStart;
import org.opencps.platform.errors.ConflictException;
import org.opencps.platform.errors.InvalidInputException;
import org.opencps.portal.internal.web.ProblemTexts;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The first start's one-time setup link (printed to the log): the root provider and its first admin. */
@Controller
class SetupPage {

    private final FirstStart firstStart;

    SetupPage(FirstStart firstStart) {
        this.firstStart = firstStart;
    }

    @GetMapping("/setup")
    String form(@RequestParam(defaultValue = "") String token, Model model) {
        model.addAttribute("token", token);
        return "auth/setup";
    }

    @PostMapping("/setup")
    String setUp(@RequestParam(defaultValue = "") String token, @RequestParam(defaultValue = "") String organizationName,
                 @RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String displayName,
                 @RequestParam(defaultValue = "") String password, Model model) {
        try {
            firstStart.completeSetup(token, organizationName, email, displayName, password);
            return "redirect:/login?done=setup";
        } catch (InvalidInputException | ConflictException e) {
            model.addAttribute("token", token);
            model.addAttribute("failure", ProblemTexts.of(e));
            model.addAttribute("organizationName", organizationName);
            model.addAttribute("email", email);
            model.addAttribute("displayName", displayName);
            return "auth/setup";
        }
    }
}
