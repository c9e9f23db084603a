package org.opencps.portal.internal.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.opencps.identity.SessionLogin;
import org.opencps.identity.Users;
import org.opencps.platform.errors.NotFoundException;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.Uuids;
import org.opencps.platform.security.Actor;
import org.opencps.portal.internal.web.LocalPaths;
import org.opencps.portal.internal.web.PageContext;
import org.opencps.portal.internal.web.PortalPages;
import org.opencps.tenancy.Organizations;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The tenant selector: a person in several organizations picks the one to work in. The choice is
 * remembered in a cookie (an organization id, nothing secret) to be offered first next time.
 */
@Controller
class TenantSelector {

    static final String COOKIE = "OPENCPS_TENANT";

    private final Users users;
    private final Organizations organizations;
    private final SessionLogin sessions;

    TenantSelector(Users users, Organizations organizations, SessionLogin sessions) {
        this.users = users;
        this.organizations = organizations;
        this.sessions = sessions;
    }

    @GetMapping("/organizations/select")
    String choose(@ModelAttribute("page") PageContext page, @RequestParam(name = "continue", required = false) String next,
                  @CookieValue(name = COOKIE, required = false) String remembered, Model model) {
        model.addAttribute("next", LocalPaths.orDefault(next, null));
        model.addAttribute("remembered", page.orgId() != null ? page.orgId().toString() : remembered);
        return "auth/select-organization";
    }

    @PostMapping("/organizations/select")
    String select(Actor actor, @RequestParam String organizationId, @RequestParam(name = "continue", required = false) String next,
                  HttpServletRequest request, HttpServletResponse response) {
        OrgId org;
        try {
            org = new OrgId(Uuids.parse(organizationId));
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("organization");
        }
        if (!users.isMember(org, actor.userId())) {
            throw new NotFoundException("organization");
        }
        sessions.switchOrganization(request, response, actor, org, organizations.idleTimeout(org));
        PortalPages.remember(request, response, COOKIE, org.toString());
        return "redirect:" + LocalPaths.orDefault(next, "/");
    }
}
