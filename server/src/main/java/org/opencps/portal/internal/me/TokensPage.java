package org.opencps.portal.internal.me;

import java.util.UUID;
import org.opencps.identity.ApiTokens;
import org.opencps.platform.errors.ConflictException;
import org.opencps.platform.errors.InvalidInputException;
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
 * My API tokens for the command line and scripts. A new token's secret is in the answer to the
 * POST that made it, once; the list never shows it.
 */
@Controller
class TokensPage {

    private final ApiTokens tokens;

    TokensPage(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @GetMapping("/tokens")
    String tokens(Actor actor, Model model) {
        model.addAttribute("tokens", tokens.mine(actor));
        return "me/tokens";
    }

    @PostMapping("/tokens")
    String create(Actor actor, @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "30") String lifetimeDays,
                  Model model) {
        try {
            model.addAttribute("created", tokens.create(actor, name, days(lifetimeDays)));
        } catch (InvalidInputException | ConflictException e) {
            model.addAttribute(Forms.ERROR, e.getMessage());
        }
        return tokens(actor, model);
    }

    @PostMapping("/tokens/{tokenId}/revoke")
    String revoke(Actor actor, @PathVariable UUID tokenId, RedirectAttributes flash) {
        return Forms.change(flash, "/tokens", "tokens.revoked", () -> tokens.revoke(actor, tokenId));
    }

    private static int days(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("lifetimeDays", "the lifetime is a whole number of days");
        }
    }
}
