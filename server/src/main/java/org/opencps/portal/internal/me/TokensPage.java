package org.opencps.portal.internal.me;

import java.util.Map;
import java.util.UUID;
import org.opencps.identity.ApiTokens;
import org.opencps.platform.errors.InvalidInputException;
import org.opencps.platform.security.Actor;
import org.opencps.portal.internal.web.Forms;
import org.opencps.portal.internal.web.ShownOnce;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * My API tokens for the command line and scripts. A new token's secret is shown once, on the list
 * the POST that made it redirects to (see {@link ShownOnce}); the list never shows it otherwise.
 */
@Controller
class TokensPage {

    private static final String CREATED = "token";

    private final ApiTokens tokens;
    private final ShownOnce shownOnce;

    TokensPage(ApiTokens tokens, ShownOnce shownOnce) {
        this.tokens = tokens;
        this.shownOnce = shownOnce;
    }

    /** A token just made, as the list shows it this once. */
    record NewToken(String name, String secret) {
    }

    @GetMapping("/tokens")
    String tokens(Actor actor, Model model) {
        model.addAttribute("tokens", tokens.mine(actor));
        shownOnce.take(model, actor, CREATED)
                .ifPresent(made -> model.addAttribute("created", new NewToken(made.get("name"), made.get("secret"))));
        return "me/tokens";
    }

    @PostMapping("/tokens")
    String create(Actor actor, @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "30") String lifetimeDays,
                  RedirectAttributes flash) {
        return Forms.change(flash, "/tokens", null, () -> {
            var created = tokens.create(actor, name, days(lifetimeDays));
            shownOnce.keep(flash, actor, CREATED, Map.of("name", created.token().name(), "secret", created.secret()));
        });
    }

    @PostMapping("/tokens/{tokenId}/revoke")
    String revoke(Actor actor, @PathVariable UUID tokenId, RedirectAttributes flash) {
        return Forms.change(flash, "/tokens", "tokens.revoked", () -> tokens.revoke(actor, tokenId));
    }

    private static int days(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("lifetimeDays", "problem.token.lifetimeWhole", "the lifetime is a whole number of days");
        }
    }
}
