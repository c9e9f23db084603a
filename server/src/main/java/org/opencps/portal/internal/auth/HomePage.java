package org.opencps.portal.internal.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.opencps.portal.internal.web.LocalPaths;
import org.opencps.portal.internal.web.Navigation;
import org.opencps.portal.internal.web.PageContext;
import org.opencps.portal.internal.web.PortalPages;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The start page for each role, the idle timer's keep-alive, and the cookie notice's consent. */
@Controller
class HomePage {

    @GetMapping("/")
    String home(@ModelAttribute("page") PageContext page) {
        if (page.orgId() == null) {
            return "redirect:/organizations/select";
        }
        Navigation nav = page.nav();
        String org = "/orgs/" + page.orgId();
        if (nav.ownJobs()) {
            return "redirect:/jobs";
        }
        if (nav.organizations() || nav.licenseReport()) {
            return "redirect:" + org + (nav.organizations() ? "/organizations" : "/license-report");
        }
        if (nav.users()) {
            return "redirect:" + org + "/users";
        }
        return "redirect:/account";
    }

    /** "Stay logged in" in the idle warning: any request counts as activity; this one changes nothing. */
    @GetMapping("/session/keepalive")
    ResponseEntity<Void> keepAlive() {
        return ResponseEntity.noContent().header("Cache-Control", "no-store").build();
    }

    /** Remembers that the cookie notice was read and accepted (only necessary cookies exist; nothing tracks). */
    @PostMapping("/cookies/consent")
    String consent(@RequestParam(required = false) String back, HttpServletRequest request, HttpServletResponse response) {
        PortalPages.remember(request, response, PortalPages.CONSENT_COOKIE, "1");
        return "redirect:" + LocalPaths.orDefault(back, "/");
    }
}
