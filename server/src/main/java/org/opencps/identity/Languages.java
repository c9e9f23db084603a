package org.opencps.identity;

import java.util.Locale;
import java.util.Optional;
import org.opencps.identity.internal.persistence.LanguageStore;
import org.opencps.identity.internal.persistence.UserStore;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.platform.text.SpokenLanguages;
import org.opencps.tenancy.Organizations;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The language each person chose for the portal and their e-mails. Without a choice, a mail is
 * written in the default language of the organization it concerns (or, when it concerns none, of
 * the organization the person joined first), else in English.
 */
@Service
public class Languages {

    private final LanguageStore store;
    private final UserStore users;
    private final Organizations organizations;

    Languages(LanguageStore store, UserStore users, Organizations organizations) {
        this.store = store;
        this.users = users;
        this.organizations = organizations;
    }

    public Optional<Locale> chosenBy(UserId user) {
        return store.find(user).flatMap(SpokenLanguages::of);
    }

    /** The language of a mail to this person about the organization {@code about}. */
    public Locale forMail(UserId user, OrgId about) {
        return chosenBy(user).orElseGet(() -> organizationDefault(about));
    }

    /** The same for an address that may have no account yet (an invitation, say). */
    public Locale forMailTo(String address, OrgId about) {
        return users.findByEmail(address).flatMap(user -> chosenBy(user.id())).orElseGet(() -> organizationDefault(about));
    }

    /** The language of a mail to this person that concerns no one organization. */
    public Locale forMail(UserId user) {
        return chosenBy(user).orElseGet(() -> users.organizationsOf(user).stream().findFirst()
                .map(this::organizationDefault).orElse(Locale.ENGLISH));
    }

    /** The same for an address that may have no account. */
    public Locale forMailTo(String address) {
        return users.findByEmail(address).map(user -> forMail(user.id())).orElse(Locale.ENGLISH);
    }

    /**
     * The language of a mail the person asked for on a page (a password reset, say): their
     * choice, else the language of that page, else English.
     */
    public Locale forMailTheyAskedFor(UserId user) {
        return chosenBy(user).orElseGet(Languages::ofThisRequest);
    }

    private Locale organizationDefault(OrgId org) {
        return org == null ? Locale.ENGLISH : SpokenLanguages.of(organizations.defaultLanguage(org).toLanguageTag()).orElse(Locale.ENGLISH);
    }

    private static Locale ofThisRequest() {
        LocaleContext request = LocaleContextHolder.getLocaleContext();
        Locale locale = request == null ? null : request.getLocale();
        return locale == null ? Locale.ENGLISH : SpokenLanguages.of(locale.toLanguageTag()).orElse(Locale.ENGLISH);
    }

    /** Sets the person's language; a blank tag goes back to the browser's. */
    @Transactional
    public void choose(UserId user, String languageTag) {
        if (languageTag == null || languageTag.isBlank()) {
            store.clear(user);
            return;
        }
        store.save(user, SpokenLanguages.require("language", languageTag));
    }
}
