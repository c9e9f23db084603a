package org.opencps.portal.internal.me;

import java.util.Base64;
import java.util.List;
import jakarta.servlet.http.HttpServletRequest;
import org.opencps.identity.Passkeys;
import org.opencps.identity.SecondFactors;
import org.opencps.identity.SessionLogin;
import org.opencps.platform.qr.QrPng;
import org.opencps.platform.security.Actor;
import org.opencps.portal.internal.web.Forms;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * My second factor: setting up an authenticator app (QR code and the secret as text, confirmed by a first code),
 * removing it, and recovery codes, shown once on the page the form that made them redirects to; and the person's
 * passkeys ({@link PasskeysPage}).
 */
@Controller
class SecondFactorSettingsPage {

    static final String PATH = "/account/second-factor";

    private final SecondFactors factors;
    private final RecoveryCodesShownOnce recoveryCodes;
    private final SessionLogin sessions;
    private final Passkeys passkeys;

    SecondFactorSettingsPage(SecondFactors factors, RecoveryCodesShownOnce recoveryCodes, SessionLogin sessions,
                             Passkeys passkeys) {
        this.passkeys = passkeys;
        this.sessions = sessions;
        this.factors = factors;
        this.recoveryCodes = recoveryCodes;
    }

    @GetMapping(PATH)
    String page(Actor actor, Model model, HttpServletRequest request) {
        model.addAttribute("status", factors.status(actor.userId()));
        model.addAttribute("passkeys", passkeys.of(actor.userId()));
        model.addAttribute("enrolBy", sessions.enrolBy(request));
        factors.pendingTotp(actor.userId()).ifPresent(enrolment -> {
            model.addAttribute("secret", enrolment.secret());
            model.addAttribute("qrCode", "data:image/png;base64," + Base64.getEncoder().encodeToString(QrPng.of(enrolment.otpauthUri())));
        });
        recoveryCodes.take(model, actor).ifPresent(codes -> model.addAttribute("recoveryCodes", codes));
        return "me/second-factor";
    }

    @PostMapping(PATH + "/totp")
    String start(Actor actor, RedirectAttributes flash) {
        return Forms.change(flash, PATH, null, () -> factors.startTotp(actor.userId()));
    }

    @PostMapping(PATH + "/totp/confirm")
    String confirm(Actor actor, @RequestParam(defaultValue = "") String code, RedirectAttributes flash) {
        return Forms.change(flash, PATH, "secondFactor.enrolled", () -> keep(flash, actor, factors.confirmTotp(actor.userId(), code)));
    }

    @PostMapping(PATH + "/totp/remove")
    String remove(Actor actor, RedirectAttributes flash) {
        return Forms.change(flash, PATH, "secondFactor.removed", () -> factors.removeTotp(actor.userId()));
    }

    @PostMapping(PATH + "/recovery-codes")
    String newRecoveryCodes(Actor actor, RedirectAttributes flash) {
        return Forms.change(flash, PATH, null, () -> keep(flash, actor, factors.newRecoveryCodes(actor.userId())));
    }

    private void keep(RedirectAttributes flash, Actor actor, List<String> codes) {
        recoveryCodes.show(flash, actor, codes);
    }
}
