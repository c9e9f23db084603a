package org.opencps.portal.internal.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.opencps.identity.Invitations;
import org.opencps.identity.SessionLogin;
import org.opencps.platform.errors.ConflictException;
import org.opencps.platform.errors.ForbiddenException;
import org.opencps.platform.errors.InvalidInputException;
import org.opencps.platform.errors.TooManyRequestsException;
import org.opencps.platform.errors.UnauthenticatedException;
import org.opencps.platform.security.Actor;
import org.opencps.portal.internal.web.ProblemTexts;
import org.opencps.tenancy.Organizations;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The invitation link: what it offers, then accepting it. A new person chooses a name and a
 * password; someone with an account gives its password, whoever is logged in. Accepting logs
 * them in, working in the organization that invited them. The form sends the link's token in its
 * body, not in the address it posts to, so it is not written to access logs or history once more.
 */
@Controller
class InvitationPage {

    private final Invitations invitations;
    private final Organizations organizations;
    private final SessionLogin sessions;

    InvitationPage(Invitations invitations, Organizations organizations, SessionLogin sessions) {
        this.invitations = invitations;
        this.organizations = organizations;
        this.sessions = sessions;
    }

    @GetMapping("/invitations/{token}")
    String show(@PathVariable String token, Model model) {
        return preview(token, model);
    }

    @PostMapping("/invitations/accept")
    String accept(@RequestParam(defaultValue = "") String token, @RequestParam(defaultValue = "") String displayName,
                  @RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "") String confirmPassword,
                  HttpServletRequest request, HttpServletResponse response, Model model) {
        try {
            var preview = invitations.preview(token);
            if (!preview.accountExists() && !password.equals(confirmPassword)) {
                throw new InvalidInputException("confirmPassword", "problem.password.confirmDiffers", "the two passwords differ");
            }
            var accepted = invitations.accept(token, new Invitations.Acceptance(displayName, password),
                    request.getRemoteAddr());
            var step = sessions.establish(request, response, new Actor(accepted.userId(), accepted.orgId()),
                    organizations.idleTimeout(accepted.orgId()));
            return step == SessionLogin.Step.SECOND_FACTOR_NEEDED ? "redirect:" + SecondFactorPage.PATH : "redirect:/";
        } catch (InvalidInputException | UnauthenticatedException | TooManyRequestsException e) {
            model.addAttribute("failure", ProblemTexts.of(e));
            model.addAttribute("displayName", displayName.length() > 200 ? "" : displayName);
            return preview(token, model);
        } catch (ForbiddenException | ConflictException e) {
            // the invitation cannot make this account a member (a provider's own people, an organization that has its admin now)
            model.addAttribute("refused", ProblemTexts.of(e));
            return preview(token, model);
        }
    }

    private String preview(String token, Model model) {
        try {
            model.addAttribute("invitation", invitations.preview(token));
            model.addAttribute("token", token);
        } catch (ConflictException e) {
            model.addAttribute("unusable", ProblemTexts.of(e));
        }
        return "auth/invitation";
    }
}
