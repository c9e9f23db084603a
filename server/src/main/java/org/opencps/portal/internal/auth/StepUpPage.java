package org.opencps.portal.internal.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.opencps.identity.SecondFactors;
import org.opencps.identity.SessionLogin;
import org.opencps.platform.security.Actor;
import org.opencps.portal.internal.web.LocalPaths;
import org.opencps.portal.internal.web.ProblemTexts;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Step-up in the portal: a sensitive action by a person with a second factor and no check of it in the last 10
 * minutes sends them here; after the code they go back to the page they were on (for a form, to repeat it).
 */
@Controller
class StepUpPage {

    static final String PATH = "/account/step-up";

    private final SessionLogin sessions;
    private final SecondFactors factors;

    StepUpPage(SessionLogin sessions, SecondFactors factors) {
        this.sessions = sessions;
        this.factors = factors;
    }

    @GetMapping(PATH)
    String form(Actor actor, @RequestParam(name = "continue", required = false) String next, Model model) {
        model.addAttribute("next", LocalPaths.orDefault(next, null));
        SecondFactorPage.offer(model, factors.status(actor.userId()));
        return "auth/step-up";
    }

    @PostMapping(PATH)
    String confirm(Actor actor, @RequestParam(defaultValue = "") String code,
                   @RequestParam(name = "continue", required = false) String next, HttpServletRequest request,
                   HttpServletResponse response, Model model) {
        var check = sessions.confirmSecondFactor(request, actor.userId(), code);
        if (check.accepted()) {
            return "redirect:" + LocalPaths.orDefault(next, "/account");
        }
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        model.addAttribute("failure", ProblemTexts.of(check.refusal(), request));
        model.addAttribute("next", LocalPaths.orDefault(next, null));
        SecondFactorPage.offer(model, factors.status(actor.userId()));
        return "auth/step-up";
    }
}
