package org.opencps.portal.internal.organizations;

import java.util.List;
import org.opencps.access.FixedRole;
import org.opencps.access.RoleRef;
import org.opencps.access.Roles;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.OrgKind;
import org.opencps.platform.security.Actor;
import org.opencps.portal.internal.web.Forms;
import org.opencps.tenancy.Organization;
import org.opencps.tenancy.Organizations;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An organization as the provider that created it manages it: name, license, its first admin (by
 * invitation, offered only while it has none), discontinuing, reactivating and purging. Only an admin of the provider directly
 * above may open it; everyone else gets 404 or 403, as from the faces.
 */
@Controller
class ManagePage {

    private final Organizations organizations;
    private final Roles roles;

    ManagePage(Organizations organizations, Roles roles) {
        this.organizations = organizations;
        this.roles = roles;
    }

    @GetMapping("/orgs/{orgId}/manage")
    String manage(Actor actor, @PathVariable OrgId orgId, Model model) {
        Organization org = organizations.managed(actor, orgId);
        model.addAttribute("org", org);
        model.addAttribute("license", org.kind() == OrgKind.CUSTOMER ? organizations.license(actor, orgId) : null);
        model.addAttribute("adminRoles", org.kind() == OrgKind.CUSTOMER
                ? List.of(RoleRef.of(FixedRole.CUSTOMER_ADMIN))
                : List.of(RoleRef.of(FixedRole.PROVIDER_ADMIN), RoleRef.of(FixedRole.PROVIDER_SUPPORT)));
        model.addAttribute("mayAppoint", roles.mayAppointAdmins(actor, orgId));
        model.addAttribute("orgId", orgId);
        return "organizations/manage";
    }

    @PostMapping("/orgs/{orgId}/rename")
    String rename(Actor actor, @PathVariable OrgId orgId, @RequestParam(defaultValue = "") String name, RedirectAttributes flash) {
        return Forms.change(flash, page(orgId), "organizations.renamed", () -> organizations.rename(actor, orgId, name));
    }

    @PostMapping("/orgs/{orgId}/license")
    String license(Actor actor, @PathVariable OrgId orgId, LicenseForm license, RedirectAttributes flash) {
        return Forms.change(flash, page(orgId), "organizations.licenseSaved",
                () -> organizations.setLicense(actor, orgId, license.toLicense()));
    }

    @PostMapping("/orgs/{orgId}/discontinue")
    String discontinue(Actor actor, @PathVariable OrgId orgId, RedirectAttributes flash) {
        return Forms.change(flash, page(orgId), "organizations.discontinued", () -> organizations.discontinue(actor, orgId));
    }

    @PostMapping("/orgs/{orgId}/reactivate")
    String reactivate(Actor actor, @PathVariable OrgId orgId, RedirectAttributes flash) {
        return Forms.change(flash, page(orgId), "organizations.reactivated", () -> organizations.reactivate(actor, orgId));
    }

    @PostMapping("/orgs/{orgId}/purge")
    String purge(Actor actor, @PathVariable OrgId orgId, @RequestParam(defaultValue = "") String confirmName,
                 RedirectAttributes flash) {
        OrgId parent = organizations.get(actor, orgId).parentId();
        String result = Forms.change(flash, "/orgs/" + parent + "/organizations", "organizations.purged",
                () -> organizations.purgeNow(actor, orgId, confirmName));
        return flash.getFlashAttributes().containsKey(Forms.ERROR) ? "redirect:" + page(orgId) : result;
    }

    private static String page(OrgId orgId) {
        return "/orgs/" + orgId + "/manage";
    }
}
