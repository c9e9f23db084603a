package org.opencps.portal.internal.organizations;

import org.opencps.access.Capabilities;
import org.opencps.access.Permission;
import org.opencps.platform.errors.InvalidInputException;
import org.opencps.platform.errors.NotFoundException;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.opencps.portal.internal.web.Forms;
import org.opencps.reporting.LicenseReports;
import org.opencps.tenancy.Organizations;
import org.opencps.tenancy.RegionLinks;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What providers see of the tree: the license roll-up (by name one level down, anonymized
 * totals deeper), and for the root provider the whole tree and the region links it publishes.
 */
@Controller
class ReportsPage {

    static final String DEFAULT_REGION = "default";

    private final Organizations organizations;
    private final LicenseReports licenseReports;
    private final Capabilities capabilities;

    ReportsPage(Organizations organizations, LicenseReports licenseReports, Capabilities capabilities) {
        this.organizations = organizations;
        this.licenseReports = licenseReports;
        this.capabilities = capabilities;
    }

    @GetMapping("/orgs/{orgId}/license-report")
    String licenseReport(Actor actor, @PathVariable OrgId orgId, Model model) {
        model.addAttribute("report", licenseReports.report(actor, orgId));
        model.addAttribute("orgId", orgId);
        return "organizations/license-report";
    }

    @GetMapping("/orgs/{orgId}/tree")
    String tree(Actor actor, @PathVariable OrgId orgId, @RequestParam(defaultValue = DEFAULT_REGION) String region,
                Model model) {
        model.addAttribute("tree", organizations.tree(actor, orgId));
        boolean canEditLinks = capabilities.has(actor, Permission.REGION_LINKS_MANAGE, orgId);
        model.addAttribute("canEditLinks", canEditLinks);
        if (canEditLinks) {
            RegionLinks links;
            try {
                links = organizations.publishedRegionLinks(region);
            } catch (NotFoundException | InvalidInputException none) {
                links = new RegionLinks(region.length() > 40 ? DEFAULT_REGION : region, null, null, null);
            }
            model.addAttribute("links", links);
        }
        model.addAttribute("orgId", orgId);
        return "organizations/tree";
    }

    @PostMapping("/orgs/{orgId}/region-links")
    String saveLinks(Actor actor, @PathVariable OrgId orgId, @RequestParam(defaultValue = "") String region,
                     @RequestParam(required = false) String eulaUrl, @RequestParam(required = false) String privacyUrl,
                     @RequestParam(required = false) String downloadsUrl, RedirectAttributes flash) {
        String back = "/orgs/" + orgId + "/tree?region=" + (region.matches("[a-z0-9-]{2,40}") ? region : DEFAULT_REGION);
        return Forms.change(flash, back, "tree.linksSaved", () -> organizations.setRegionLinks(actor, orgId,
                new RegionLinks(region.strip(), Forms.blankToNull(eulaUrl), Forms.blankToNull(privacyUrl), Forms.blankToNull(downloadsUrl))));
    }
}
