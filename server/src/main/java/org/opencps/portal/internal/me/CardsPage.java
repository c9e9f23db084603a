package org.opencps.portal.internal.me;

import java.util.UUID;
import org.opencps.identity.Cards;
import org.opencps.platform.security.Actor;
import org.opencps.portal.internal.web.Forms;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * My ID cards for logging in at a device: registered here, listed by label (never by number),
 * removed; one an admin registered for me waits here until I confirm it.
 */
@Controller
class CardsPage {

    private final Cards cards;

    CardsPage(Cards cards) {
        this.cards = cards;
    }

    @GetMapping("/cards")
    String cards(Actor actor, Model model) {
        model.addAttribute("cards", cards.cards(actor, actor.requireOrganization(), actor.userId()));
        return "me/cards";
    }

    @PostMapping("/cards")
    String register(Actor actor, @RequestParam(defaultValue = "") String number, @RequestParam(defaultValue = "") String label,
                    RedirectAttributes flash) {
        return Forms.change(flash, "/cards", "cards.registered",
                () -> cards.register(actor, actor.requireOrganization(), actor.userId(), number, label));
    }

    @PostMapping("/cards/{cardId}/confirm")
    String confirm(Actor actor, @PathVariable UUID cardId, RedirectAttributes flash) {
        return Forms.change(flash, "/cards", "cards.confirmed",
                () -> cards.confirm(actor, actor.requireOrganization(), actor.userId(), cardId));
    }

    @PostMapping("/cards/{cardId}/delete")
    String remove(Actor actor, @PathVariable UUID cardId, RedirectAttributes flash) {
        return Forms.change(flash, "/cards", "cards.removed",
                () -> cards.remove(actor, actor.requireOrganization(), actor.userId(), cardId));
    }
}
