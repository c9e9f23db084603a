package org.opencps.portal.internal.organizations;

import java.time.Clock;
import java.time.LocalDate;
import org.opencps.access.Capabilities;
import org.opencps.access.Permission;
import org.opencps.platform.errors.ConflictException;
import org.opencps.platform.errors.InvalidInputException;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.OrgKind;
import org.opencps.platform.security.Actor;
import org.opencps.portal.internal.web.Forms;
import org.opencps.portal.internal.web.ProblemTexts;
import org.opencps.tenancy.License;
import org.opencps.tenancy.NewOrganization;
import org.opencps.tenancy.Organization;
import org.opencps.tenancy.Organizations;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A provider's organizations directly below it: the list, and creating a provider or a customer with its license. */
@Controller
class ChildrenPage {

    private final Organizations organizations;
    private final Capabilities capabilities;
    private final Clock clock;

    ChildrenPage(Organizations organizations, Capabilities capabilities, Clock clock) {
        this.organizations = organizations;
        this.capabilities = capabilities;
        this.clock = clock;
    }

    @GetMapping("/orgs/{orgId}/organizations")
    String children(Actor actor, @PathVariable OrgId orgId, Model model) {
        model.addAttribute("children", organizations.children(actor, orgId));
        model.addAttribute("org", organizations.get(actor, orgId));
        model.addAttribute("canManage", capabilities.has(actor, Permission.ORGANIZATIONS_MANAGE, orgId));
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("newLicense", new License(10, "standard", today, today.plusYears(1).minusDays(1)));
        model.addAttribute("orgId", orgId);
        return "organizations/children";
    }

    @PostMapping("/orgs/{orgId}/organizations")
    String create(Actor actor, @PathVariable OrgId orgId, @RequestParam(defaultValue = "") String kind,
                  @RequestParam(defaultValue = "") String name, LicenseForm license, RedirectAttributes flash) {
        try {
            OrgKind chosen = switch (kind) {
                case "PROVIDER" -> OrgKind.PROVIDER;
                case "CUSTOMER" -> OrgKind.CUSTOMER;
                default -> throw new InvalidInputException("kind", "problem.organization.kind", "choose provider or customer");
            };
            Organization created = organizations.create(actor, orgId, new NewOrganization(chosen, name,
                    chosen == OrgKind.CUSTOMER ? license.toLicense() : null));
            flash.addFlashAttribute(Forms.NOTICE, "organizations.created");
            return "redirect:/orgs/" + created.id() + "/manage";
        } catch (InvalidInputException e) {
            Forms.refused(flash, ProblemTexts.of(e), e.field());
        } catch (ConflictException e) {
            Forms.refused(flash, ProblemTexts.of(e), e.field());
        }
        return "redirect:/orgs/" + orgId + "/organizations";
    }
}
