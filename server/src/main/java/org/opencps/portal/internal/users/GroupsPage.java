package org.opencps.portal.internal.users;

import java.util.HashSet;
import java.util.UUID;
import org.opencps.access.Capabilities;
import org.opencps.access.Permission;
import org.opencps.identity.Groups;
import org.opencps.identity.Member;
import org.opencps.identity.Users;
import org.opencps.platform.errors.NotFoundException;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.platform.security.Actor;
import org.opencps.portal.internal.web.Forms;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** User groups (for quotas and reports): create, delete, and who is in each. */
@Controller
class GroupsPage {

    private final Groups groups;
    private final Users users;
    private final Capabilities capabilities;

    GroupsPage(Groups groups, Users users, Capabilities capabilities) {
        this.groups = groups;
        this.users = users;
        this.capabilities = capabilities;
    }

    @GetMapping("/orgs/{orgId}/groups")
    String groups(Actor actor, @PathVariable OrgId orgId, Model model) {
        model.addAttribute("groups", groups.list(actor, orgId));
        model.addAttribute("canManage", capabilities.has(actor, Permission.GROUPS_MANAGE, orgId));
        model.addAttribute("orgId", orgId);
        return "users/groups";
    }

    @GetMapping("/orgs/{orgId}/groups/{groupId}")
    String group(Actor actor, @PathVariable OrgId orgId, @PathVariable UUID groupId, Model model) {
        var group = groups.list(actor, orgId).stream().filter(g -> g.id().equals(groupId)).findFirst()
                .orElseThrow(() -> new NotFoundException("group"));
        var memberIds = new HashSet<>(groups.members(actor, orgId, groupId));
        var everyone = users.members(actor, orgId);
        model.addAttribute("group", group);
        model.addAttribute("inGroup", everyone.stream().filter(m -> memberIds.contains(m.user().id())).toList());
        model.addAttribute("others", everyone.stream().filter(m -> !memberIds.contains(m.user().id()))
                .map(Member::user).toList());
        model.addAttribute("canManage", capabilities.has(actor, Permission.GROUPS_MANAGE, orgId));
        model.addAttribute("orgId", orgId);
        return "users/group";
    }

    @PostMapping("/orgs/{orgId}/groups")
    String create(Actor actor, @PathVariable OrgId orgId, @RequestParam(defaultValue = "") String name, RedirectAttributes flash) {
        return Forms.change(flash, "/orgs/" + orgId + "/groups", "groups.created", () -> groups.create(actor, orgId, name));
    }

    @PostMapping("/orgs/{orgId}/groups/{groupId}/delete")
    String delete(Actor actor, @PathVariable OrgId orgId, @PathVariable UUID groupId, RedirectAttributes flash) {
        return Forms.change(flash, "/orgs/" + orgId + "/groups", "groups.deleted", () -> groups.delete(actor, orgId, groupId));
    }

    @PostMapping("/orgs/{orgId}/groups/{groupId}/members")
    String add(Actor actor, @PathVariable OrgId orgId, @PathVariable UUID groupId, @RequestParam UserId userId,
               RedirectAttributes flash) {
        return Forms.change(flash, "/orgs/" + orgId + "/groups/" + groupId, "groups.memberAdded",
                () -> groups.addMember(actor, orgId, groupId, userId));
    }

    @PostMapping("/orgs/{orgId}/groups/{groupId}/members/{userId}/remove")
    String remove(Actor actor, @PathVariable OrgId orgId, @PathVariable UUID groupId, @PathVariable UserId userId,
                  RedirectAttributes flash) {
        return Forms.change(flash, "/orgs/" + orgId + "/groups/" + groupId, "groups.memberRemoved",
                () -> groups.removeMember(actor, orgId, groupId, userId));
    }
}
