package org.opencps.portal.internal.users;

import java.util.List;
import java.util.UUID;
import org.opencps.access.Capabilities;
import org.opencps.access.Permission;
import org.opencps.access.Roles;
import org.opencps.identity.Cards;
import org.opencps.identity.Pins;
import org.opencps.identity.Users;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.OrgKind;
import org.opencps.platform.ids.UserId;
import org.opencps.platform.security.Actor;
import org.opencps.portal.internal.web.Forms;
import org.opencps.tenancy.Organizations;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** One member for an admin: roles, a new PIN (which only the member sees), ID cards, removal. */
@Controller
class MemberPage {

    private final Users users;
    private final Roles roles;
    private final Pins pins;
    private final Cards cards;
    private final Organizations organizations;
    private final Capabilities capabilities;

    MemberPage(Users users, Roles roles, Pins pins, Cards cards, Organizations organizations, Capabilities capabilities) {
        this.users = users;
        this.roles = roles;
        this.pins = pins;
        this.cards = cards;
        this.organizations = organizations;
        this.capabilities = capabilities;
    }

    @GetMapping("/orgs/{orgId}/users/{userId}")
    String member(Actor actor, @PathVariable OrgId orgId, @PathVariable UserId userId, Model model) {
        var member = users.member(actor, orgId, userId);
        var custom = roles.customRoles(actor, orgId);
        OrgKind kind = organizations.get(actor, orgId).kind();
        model.addAttribute("member", member);
        model.addAttribute("offeredRoles", RoleChoices.offered(kind, custom));
        model.addAttribute("roleNames", RoleChoices.names(custom));
        model.addAttribute("customer", kind == OrgKind.CUSTOMER);
        boolean canManage = capabilities.has(actor, Permission.USERS_MANAGE, orgId);
        model.addAttribute("canManage", canManage);
        model.addAttribute("cards", canManage ? cards.cards(actor, orgId, userId) : List.of());
        model.addAttribute("orgId", orgId);
        return "users/member";
    }

    @PostMapping("/orgs/{orgId}/users/{userId}/roles")
    String setRoles(Actor actor, @PathVariable OrgId orgId, @PathVariable UserId userId,
                    @RequestParam(required = false) List<String> roles, RedirectAttributes flash) {
        return Forms.change(flash, page(orgId, userId), "users.rolesSaved",
                () -> users.setRoles(actor, orgId, userId, RoleChoices.parse(roles)));
    }

    @PostMapping("/orgs/{orgId}/users/{userId}/pin-reset")
    String resetPin(Actor actor, @PathVariable OrgId orgId, @PathVariable UserId userId, RedirectAttributes flash) {
        return Forms.change(flash, page(orgId, userId), "users.pinReset.done", () -> pins.reset(actor, orgId, userId));
    }

    @PostMapping("/orgs/{orgId}/users/{userId}/cards")
    String registerCard(Actor actor, @PathVariable OrgId orgId, @PathVariable UserId userId,
                        @RequestParam(defaultValue = "") String number, @RequestParam(defaultValue = "") String label,
                        RedirectAttributes flash) {
        return Forms.change(flash, page(orgId, userId), actor.userId().equals(userId) ? "cards.registered" : "cards.registeredWaiting",
                () -> cards.register(actor, orgId, userId, number, label));
    }

    @PostMapping("/orgs/{orgId}/users/{userId}/cards/{cardId}/delete")
    String removeCard(Actor actor, @PathVariable OrgId orgId, @PathVariable UserId userId, @PathVariable UUID cardId,
                      RedirectAttributes flash) {
        return Forms.change(flash, page(orgId, userId), "cards.removed", () -> cards.remove(actor, orgId, userId, cardId));
    }

    @PostMapping("/orgs/{orgId}/users/{userId}/remove")
    String remove(Actor actor, @PathVariable OrgId orgId, @PathVariable UserId userId, RedirectAttributes flash) {
        String result = Forms.change(flash, "/orgs/" + orgId + "/users", "users.removed",
                () -> users.removeMember(actor, orgId, userId));
        return flash.getFlashAttributes().containsKey(Forms.ERROR) ? "redirect:" + page(orgId, userId) : result;
    }

    private static String page(OrgId orgId, UserId userId) {
        return "/orgs/" + orgId + "/users/" + userId;
    }
}
