package org.opencps.portal.internal.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.opencps.access.Capabilities;
import org.opencps.identity.Users;
import org.opencps.platform.config.OpenCpsProperties;
import org.opencps.platform.errors.NotFoundException;
import org.opencps.platform.security.Actor;
import org.opencps.platform.security.ActorAuthentication;
import org.opencps.tenancy.Organizations;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Builds the {@link PageContext} of a request from the faces, for the layout of every page. */
@Component
public class PortalPages {

    public static final String CONSENT_COOKIE = "OPENCPS_CONSENT";

    private final Users users;
    private final Organizations organizations;
    private final Capabilities capabilities;
    private final Duration defaultIdleTimeout;

    PortalPages(Users users, Organizations organizations, Capabilities capabilities, OpenCpsProperties properties) {
        this.users = users;
        this.organizations = organizations;
        this.capabilities = capabilities;
        this.defaultIdleTimeout = properties.security().defaultIdleTimeout();
    }

    public PageContext context(HttpServletRequest request) {
        boolean consented = consented(request);
        String path = request.getRequestURI().substring(request.getContextPath().length());
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof ActorAuthentication actorAuthentication)) {
            return PageContext.visitor(consented, path);
        }
        Actor actor = actorAuthentication.getPrincipal();
        try {
            var me = users.me(actor);
            var memberships = users.myOrganizations(actor);
            var current = memberships.stream().filter(m -> m.orgId().equals(actor.orgId())).findFirst().orElse(null);
            Duration idle = current == null ? defaultIdleTimeout : organizations.idleTimeout(current.orgId());
            Navigation nav = current == null ? Navigation.NONE
                    : Navigation.of(current.kind(), capabilities.of(actor, current.orgId()));
            return new PageContext(me.displayName(), me.email(), current == null ? null : current.orgId(),
                    current == null ? null : current.name(), current == null ? null : current.kind(), memberships, nav,
                    idle.toSeconds(), consented, path);
        } catch (NotFoundException accountGone) {
            return PageContext.visitor(consented, path);
        }
    }

    /**
     * Sets one of the portal's remembering cookies (the consent, the last organization chosen):
     * nothing secret, kept a year, HttpOnly, SameSite=Lax, Secure over TLS.
     */
    public static void remember(HttpServletRequest request, HttpServletResponse response, String name, String value) {
        Cookie cookie = new Cookie(name, value);
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setMaxAge((int) Duration.ofDays(365).toSeconds());
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
    }

    private static boolean consented(HttpServletRequest request) {
        if (request.getCookies() == null) {
            return false;
        }
        for (Cookie cookie : request.getCookies()) {
            if (CONSENT_COOKIE.equals(cookie.getName()) && "1".equals(cookie.getValue())) {
                return true;
            }
        }
        return false;
    }
}
