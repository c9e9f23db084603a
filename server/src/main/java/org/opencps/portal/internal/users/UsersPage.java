package org.opencps.portal.internal.users;

import java.util.List;
import java.util.UUID;
import org.opencps.access.Capabilities;
import org.opencps.access.Permission;
import org.opencps.access.Roles;
import org.opencps.identity.Invitations;
import org.opencps.identity.Users;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.opencps.portal.internal.web.Forms;
import org.opencps.portal.internal.web.LocalPaths;
import org.opencps.tenancy.Organizations;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The people of an organization and its open invitations, for those who may see them (customer
 * and provider admins in their own organization; never a parent provider). Inviting also serves a
 * provider appointing the first admin of an organization it created.
 */
@Controller
class UsersPage {

    private final Users users;
    private final Invitations invitations;
    private final Roles roles;
    private final Organizations organizations;
    private final Capabilities capabilities;

    UsersPage(Users users, Invitations invitations, Roles roles, Organizations organizations, Capabilities capabilities) {
        this.users = users;
        this.invitations = invitations;
        this.roles = roles;
        this.organizations = organizations;
        this.capabilities = capabilities;
    }

    @GetMapping("/orgs/{orgId}/users")
    String users(Actor actor, @PathVariable OrgId orgId, Model model) {
        model.addAttribute("members", users.members(actor, orgId));
        var custom = roles.customRoles(actor, orgId);
        model.addAttribute("invitations", invitations.list(actor, orgId).stream()
                .filter(invitation -> invitation.acceptedAt() == null && invitation.revokedAt() == null).toList());
        model.addAttribute("offeredRoles", RoleChoices.offered(organizations.get(actor, orgId).kind(), custom));
        model.addAttribute("roleNames", RoleChoices.names(custom));
        model.addAttribute("canManage", capabilities.has(actor, Permission.USERS_MANAGE, orgId));
        model.addAttribute("orgId", orgId);
        return "users/list";
    }

    @PostMapping("/orgs/{orgId}/invitations")
    String invite(Actor actor, @PathVariable OrgId orgId, @RequestParam(defaultValue = "") String email,
                  @RequestParam(required = false) List<String> roles, @RequestParam(required = false) String back,
                  RedirectAttributes flash) {
        return Forms.change(flash, LocalPaths.orDefault(back, "/orgs/" + orgId + "/users"), "users.invited",
                () -> invitations.invite(actor, orgId, email, RoleChoices.parse(roles)));
    }

    @PostMapping("/orgs/{orgId}/invitations/{invitationId}/revoke")
    String revoke(Actor actor, @PathVariable OrgId orgId, @PathVariable UUID invitationId, RedirectAttributes flash) {
        return Forms.change(flash, "/orgs/" + orgId + "/users", "users.invitationRevoked",
                () -> invitations.revoke(actor, orgId, invitationId));
    }
}
