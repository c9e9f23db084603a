package org.opencps.portal.internal.provisioning;

import java.util.Map;
import org.opencps.identity.ScimTokens;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.opencps.portal.internal.web.Forms;
import org.opencps.portal.internal.web.ShownOnce;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A customer organization's SCIM provisioning: the base URL to give the identity provider, whether a token exists
 * and when it was last used, and making (or replacing) and revoking it. A new token is shown once, on the page the
 * POST that made it redirects to ({@link ShownOnce}). Access is identity's ({@link ScimTokens}).
 */
@Controller
class ScimPage {

    private static final String CREATED = "scimToken";

    private final ScimTokens tokens;
    private final ShownOnce shownOnce;

    ScimPage(ScimTokens tokens, ShownOnce shownOnce) {
        this.tokens = tokens;
        this.shownOnce = shownOnce;
    }

    @GetMapping("/orgs/{orgId}/scim")
    String page(Actor actor, @PathVariable OrgId orgId, Model model) {
        model.addAttribute("scim", tokens.status(actor, orgId));
        model.addAttribute("orgId", orgId);
        shownOnce.take(model, actor, CREATED).ifPresent(made -> model.addAttribute("createdToken", made.get("token")));
        return "settings/scim";
    }

    @PostMapping("/orgs/{orgId}/scim/token")
    String rotate(Actor actor, @PathVariable OrgId orgId, RedirectAttributes flash) {
        return Forms.change(flash, page(orgId), null, () ->
                shownOnce.keep(flash, actor, CREATED, Map.of("token", tokens.rotate(actor, orgId).token())));
    }

    @PostMapping("/orgs/{orgId}/scim/token/revoke")
    String revoke(Actor actor, @PathVariable OrgId orgId, RedirectAttributes flash) {
        return Forms.change(flash, page(orgId), "scim.revoked", () -> tokens.revoke(actor, orgId));
    }

    private static String page(OrgId orgId) {
        return "/orgs/" + orgId + "/scim";
    }
}
