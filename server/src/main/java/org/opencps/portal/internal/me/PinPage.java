package org.opencps.portal.internal.me;

import org.opencps.identity.Pins;
import org.opencps.platform.security.Actor;
import org.opencps.portal.internal.web.Forms;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** My device PIN: shown to me alone, regenerated at most once every 7 days (the face says when). */
@Controller
class PinPage {

    private final Pins pins;

    PinPage(Pins pins) {
        this.pins = pins;
    }

    @GetMapping("/pin")
    String pin(Actor actor, Model model) {
        model.addAttribute("pin", pins.myPin(actor));
        return "me/pin";
    }

    @PostMapping("/pin/regenerate")
    String regenerate(Actor actor, RedirectAttributes flash) {
        return Forms.change(flash, "/pin", "pin.regenerated", () -> pins.regenerate(actor));
    }
}
