package org.opencps.portal.internal.sso;

import org.opencps.identity.EmailDomains;
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

/**
 * A customer organization's e-mail domains for single sign-on and their proof by DNS, for its customer admins: the TXT
 * record to publish, each domain's state, and claim / check now / release. identity decides who may.
 */
@Controller
class EmailDomainsPage {

    private final EmailDomains domains;

    EmailDomainsPage(EmailDomains domains) {
        this.domains = domains;
    }

    @GetMapping("/orgs/{orgId}/sso/domains")
    String page(Actor actor, @PathVariable OrgId orgId, Model model) {
        model.addAttribute("proof", domains.domains(actor, orgId));
        model.addAttribute("orgId", orgId);
        return "sso/domains";
    }

    @PostMapping("/orgs/{orgId}/sso/domains")
    String claim(Actor actor, @PathVariable OrgId orgId, @RequestParam(defaultValue = "") String domain, RedirectAttributes flash) {
        return Forms.change(flash, back(orgId), "sso.domains.claimed", () -> domains.claim(actor, orgId, domain));
    }

    @PostMapping("/orgs/{orgId}/sso/domains/{domain}/check")
    String check(Actor actor, @PathVariable OrgId orgId, @PathVariable String domain, RedirectAttributes flash) {
        return Forms.change(flash, back(orgId), "sso.domains.checked", () -> domains.check(actor, orgId, domain));
    }

    @PostMapping("/orgs/{orgId}/sso/domains/{domain}/release")
    String release(Actor actor, @PathVariable OrgId orgId, @PathVariable String domain, RedirectAttributes flash) {
        return Forms.change(flash, back(orgId), "sso.domains.released", () -> domains.release(actor, orgId, domain));
    }

    private static String back(OrgId orgId) {
        return "/orgs/" + orgId + "/sso/domains";
    }
}
