package org.opencps.portal.internal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Collections;
import java.util.Locale;
import java.util.Optional;
import org.opencps.identity.Languages;
import org.opencps.platform.security.Actor;
import org.opencps.platform.security.ActorAuthentication;
import org.opencps.platform.text.SpokenLanguages;
import org.opencps.tenancy.Organizations;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The language of a page: the one the person chose on their account page, else the first of their
 * browser's languages that OpenCPS speaks, else the default language of the organization they work
 * in, else English. (Spring finds it by its bean name.)
 */
@Component("localeResolver")
class PersonLocaleResolver implements LocaleResolver {

    private static final String RESOLVED = PersonLocaleResolver.class.getName();

    private final Languages languages;
    private final Organizations organizations;

    PersonLocaleResolver(Languages languages, Organizations organizations) {
        this.languages = languages;
        this.organizations = organizations;
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        if (request.getAttribute(RESOLVED) instanceof Locale resolved) {
            return resolved;
        }
        Locale locale = chosen().or(() -> fromBrowser(request)).or(this::organizationDefault).orElse(Locale.ENGLISH);
        request.setAttribute(RESOLVED, locale);
        return locale;
    }

    private Optional<Locale> chosen() {
        return person().flatMap(actor -> languages.chosenBy(actor.userId()));
    }

    private Optional<Locale> organizationDefault() {
        return person().map(Actor::orgId).map(organizations::defaultLanguage);
    }

    private static Optional<Actor> person() {
        return SecurityContextHolder.getContext().getAuthentication() instanceof ActorAuthentication person
                ? Optional.of(person.getPrincipal()) : Optional.empty();
    }

    private static Optional<Locale> fromBrowser(HttpServletRequest request) {
        if (request.getHeader("Accept-Language") == null) {
            return Optional.empty();
        }
        return Collections.list(request.getLocales()).stream()
                .flatMap(locale -> SpokenLanguages.of(locale.toLanguageTag()).stream()).findFirst();
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        throw new UnsupportedOperationException("people choose their language on their account page");
    }
}
