package org.opencps.portal.internal.sso;

import java.util.Arrays;
import java.util.List;
import org.opencps.identity.GoogleImports;
import org.opencps.identity.GoogleWorkspace;
import org.opencps.platform.errors.ConflictException;
import org.opencps.platform.errors.InvalidInputException;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.platform.security.Actor;
import org.opencps.portal.internal.web.Forms;
import org.opencps.portal.internal.web.ProblemTexts;
import org.opencps.portal.internal.web.ProviderAuthorization;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A customer organization's Google Workspace import, for its customer admins: connect (to Google and back through
 * {@code /google-workspace/callback}), choose all users or groups, import, follow the progress, and deactivate the
 * people gone at Google. identity decides who may.
 */
@Controller
class GoogleWorkspacePage {

    private final GoogleWorkspace workspace;
    private final GoogleImports imports;

    GoogleWorkspacePage(GoogleWorkspace workspace, GoogleImports imports) {
        this.workspace = workspace;
        this.imports = imports;
    }

    @GetMapping("/orgs/{orgId}/google-workspace")
    String page(Actor actor, @PathVariable OrgId orgId, Model model) {
        model.addAttribute("google", imports.status(actor, orgId));
        model.addAttribute("redirectUri", workspace.redirectUri());
        model.addAttribute("orgId", orgId);
        return "sso/google";
    }

    @PostMapping("/orgs/{orgId}/google-workspace/connect")
    String connect(Actor actor, @PathVariable OrgId orgId, RedirectAttributes flash, Model model) {
        try {
            return ProviderAuthorization.page(model, workspace.beginConnect(actor, orgId), "sso.preset.GOOGLE_WORKSPACE");
        } catch (ConflictException refused) {
            Forms.refused(flash, ProblemTexts.of(refused), refused.field());
            return "redirect:" + back(orgId);
        }
    }

    /** Google sends the admin's browser back here with the code (or an error). */
    @GetMapping("/google-workspace/callback")
    String callback(Actor actor, @RequestParam(required = false) String state, @RequestParam(required = false) String code,
                    @RequestParam(required = false) String error, RedirectAttributes flash) {
        try {
            OrgId org = workspace.completeConnect(actor, state, code, error);
            flash.addFlashAttribute(Forms.NOTICE, "google.connected");
            return "redirect:" + back(org);
        } catch (InvalidInputException refused) {
            Forms.refused(flash, ProblemTexts.of(refused), refused.field());
            return "redirect:" + back(actor.requireOrganization());
        }
    }

    @PostMapping("/orgs/{orgId}/google-workspace/disconnect")
    String disconnect(Actor actor, @PathVariable OrgId orgId, RedirectAttributes flash) {
        return Forms.change(flash, back(orgId), "google.disconnected", () -> {
            if (imports.status(actor, orgId).connected()) {
                workspace.disconnect(actor, orgId);
            }
        });
    }

    @PostMapping("/orgs/{orgId}/google-workspace/selection")
    String choose(Actor actor, @PathVariable OrgId orgId, @RequestParam(defaultValue = "false") boolean allUsers,
                  @RequestParam(defaultValue = "") String groups, RedirectAttributes flash) {
        List<String> keys = Arrays.stream(groups.split("[\\s,]+")).filter(key -> !key.isBlank()).toList();
        return Forms.change(flash, back(orgId), "google.chosen", () -> workspace.choose(actor, orgId, allUsers, keys));
    }

    @PostMapping("/orgs/{orgId}/google-workspace/imports")
    String start(Actor actor, @PathVariable OrgId orgId, RedirectAttributes flash) {
        return Forms.change(flash, back(orgId), "google.importQueued", () -> imports.start(actor, orgId));
    }

    @PostMapping("/orgs/{orgId}/google-workspace/gone/{userId}/deactivate")
    String deactivate(Actor actor, @PathVariable OrgId orgId, @PathVariable UserId userId, RedirectAttributes flash) {
        return Forms.change(flash, back(orgId), "google.deactivated", () -> {
            if (imports.status(actor, orgId).gone().stream().anyMatch(gone -> gone.userId().equals(userId))) {
                imports.deactivate(actor, orgId, userId);
            }
        });
    }

    private static String back(OrgId orgId) {
        return "/orgs/" + orgId + "/google-workspace";
    }
}
