package org.opencps.portal.internal.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.opencps.platform.security.ActorAuthentication;
import org.opencps.platform.text.Moments;
import org.opencps.tenancy.Organizations;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Times on pages, as the page's language writes them, in the time zone of the organization the
 * person works in (UTC before they chose one). Templates call it as {@code @dates}.
 */
@Component("dates")
public class Dates {

    private static final String ZONE = Dates.class.getName() + ".zone";

    private final Organizations organizations;

    Dates(Organizations organizations) {
        this.organizations = organizations;
    }

    public String shown(Instant instant) {
        return instant == null ? "" : Moments.shown(instant, zone(), LocaleContextHolder.getLocale());
    }

    public String iso(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    private ZoneId zone() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null && request.getAttribute(ZONE, RequestAttributes.SCOPE_REQUEST) instanceof ZoneId known) {
            return known;
        }
        ZoneId zone = SecurityContextHolder.getContext().getAuthentication() instanceof ActorAuthentication person
                && person.getPrincipal().orgId() != null ? organizations.timeZone(person.getPrincipal().orgId()) : ZoneOffset.UTC;
        if (request != null) {
            request.setAttribute(ZONE, zone, RequestAttributes.SCOPE_REQUEST);
        }
        return zone;
    }
}
