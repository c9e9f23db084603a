package org.opencps.portal.internal.auth;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Set;
import org.opencps.access.Roles;
import org.opencps.identity.Languages;
import org.opencps.identity.Passwords;
import org.opencps.identity.SessionLogin;
import org.opencps.platform.errors.InvalidInputException;
import org.opencps.platform.security.Actor;
import org.opencps.platform.text.SpokenLanguages;
import org.opencps.portal.internal.web.Forms;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The logged-in person's own account: who they are here, a new password, logging out everywhere. */
@Controller
class AccountPage {

    private final Roles roles;
    private final Passwords passwords;
    private final SessionLogin sessions;
    private final Languages languages;

    AccountPage(Roles roles, Passwords passwords, SessionLogin sessions, Languages languages) {
        this.roles = roles;
        this.passwords = passwords;
        this.sessions = sessions;
        this.languages = languages;
    }

    @GetMapping("/account")
    String account(Actor actor, Model model) {
        model.addAttribute("roles", actor.orgId() == null ? Set.of() : roles.rolesOf(actor.orgId(), actor.userId()));
        model.addAttribute("languages", SpokenLanguages.ALL.stream().map(Locale::getLanguage).toList());
        model.addAttribute("language", languages.chosenBy(actor.userId()).map(Locale::getLanguage).orElse(""));
        return "auth/account";
    }

    /** The language of the person's pages and e-mails; blank goes back to the browser's. */
    @PostMapping("/account/language")
    String chooseLanguage(Actor actor, @RequestParam(defaultValue = "") String language, RedirectAttributes flash) {
        return Forms.change(flash, "/account", "account.languageSaved", () -> languages.choose(actor.userId(), language));
    }

    /** Every other session of the person ends, as with the API. */
    @PostMapping("/account/password")
    String changePassword(Actor actor, @RequestParam(defaultValue = "") String currentPassword,
                          @RequestParam(defaultValue = "") String newPassword,
                          @RequestParam(defaultValue = "") String confirmPassword,
                          HttpServletRequest request, RedirectAttributes flash) {
        return Forms.change(flash, "/account", "account.passwordChanged", () -> {
            if (!newPassword.equals(confirmPassword)) {
                throw new InvalidInputException("confirmPassword", "problem.password.differ", "the two new passwords differ");
            }
            passwords.change(actor.userId(), currentPassword, newPassword);
            sessions.logoutOthers(request, actor.userId());
        });
    }

    /** The forced change (see PasswordChangeGate): the same change, then on to the start page. */
    @GetMapping("/account/password-change")
    String forcedChange(Actor actor, Model model) {
        model.addAttribute("required", passwords.changeRequired(actor.userId()));
        return "auth/password-change";
    }

    @PostMapping("/account/password-change")
    String forcedChange(Actor actor, @RequestParam(defaultValue = "") String currentPassword,
                        @RequestParam(defaultValue = "") String newPassword,
                        @RequestParam(defaultValue = "") String confirmPassword,
                        HttpServletRequest request, RedirectAttributes flash) {
        changePassword(actor, currentPassword, newPassword, confirmPassword, request, flash);
        return flash.getFlashAttributes().containsKey(Forms.ERROR) ? "redirect:/account/password-change" : "redirect:/";
    }

    @PostMapping("/account/logout-everywhere")
    String logoutEverywhere(Actor actor, HttpServletRequest request) {
        sessions.logoutEverywhereAsked(request, actor);
        return "redirect:/login?done=logout";
    }
}
