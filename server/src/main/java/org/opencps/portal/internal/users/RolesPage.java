package org.opencps.portal.internal.users;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.opencps.access.Permission;
import org.opencps.access.Roles;
import org.opencps.platform.errors.InvalidInputException;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.opencps.portal.internal.web.Forms;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Custom roles of a customer, built from the granular permissions grouped as PRODUCT.md §2 lists them. */
@Controller
class RolesPage {

    private final Roles roles;

    RolesPage(Roles roles) {
        this.roles = roles;
    }

    @GetMapping("/orgs/{orgId}/roles")
    String roles(Actor actor, @PathVariable OrgId orgId, Model model) {
        model.addAttribute("roles", roles.customRoles(actor, orgId));
        Map<Permission.Group, List<Permission>> grouped = new LinkedHashMap<>();
        Arrays.stream(Permission.values()).filter(Permission::allowedInCustomRole)
                .forEach(p -> grouped.computeIfAbsent(p.group(), g -> new ArrayList<>()).add(p));
        model.addAttribute("permissions", grouped);
        model.addAttribute("orgId", orgId);
        return "users/roles";
    }

    @PostMapping("/orgs/{orgId}/roles")
    String create(Actor actor, @PathVariable OrgId orgId, @RequestParam(defaultValue = "") String name,
                  @RequestParam(required = false) List<String> permissions, RedirectAttributes flash) {
        return Forms.change(flash, "/orgs/" + orgId + "/roles", "roles.created",
                () -> roles.createCustomRole(actor, orgId, name, parse(permissions)));
    }

    @PostMapping("/orgs/{orgId}/roles/{roleId}/delete")
    String delete(Actor actor, @PathVariable OrgId orgId, @PathVariable UUID roleId, RedirectAttributes flash) {
        return Forms.change(flash, "/orgs/" + orgId + "/roles", "roles.deleted", () -> roles.deleteCustomRole(actor, orgId, roleId));
    }

    private static Set<Permission> parse(List<String> names) {
        Set<Permission> parsed = EnumSet.noneOf(Permission.class);
        for (String name : names == null ? List.<String>of() : names) {
            try {
                parsed.add(Permission.valueOf(name));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("permissions", "problem.role.unknownPermission", "unknown permission " + name, name);
            }
        }
        return parsed;
    }
}
