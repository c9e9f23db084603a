package org.opencps.identity;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.opencps.identity.internal.persistence.LanguageStore;
import org.opencps.identity.internal.persistence.UserStore;
import org.opencps.platform.errors.InvalidInputException;
import org.opencps.platform.ids.UserId;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The languages OpenCPS speaks, and the one each person chose for the portal and their e-mails. */
@Service
public class Languages {

    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.GERMAN, Locale.JAPANESE);

    private final LanguageStore store;
    private final UserStore users;

    Languages(LanguageStore store, UserStore users) {
        this.store = store;
        this.users = users;
    }

    public Optional<Locale> chosenBy(UserId user) {
        return store.find(user).flatMap(Languages::supported);
    }

    /** The language of e-mails to this person: their choice, else English. */
    public Locale forMail(UserId user) {
        return chosenBy(user).orElse(Locale.ENGLISH);
    }

    /** The same for an address that may have no account yet. */
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

    private static Locale ofThisRequest() {
        LocaleContext request = LocaleContextHolder.getLocaleContext();
        Locale locale = request == null ? null : request.getLocale();
        return locale == null ? Locale.ENGLISH : supported(locale.toLanguageTag()).orElse(Locale.ENGLISH);
    }

    /** Sets the person's language; a blank tag goes back to the browser's. */
    @Transactional
    public void choose(UserId user, String languageTag) {
        if (languageTag == null || languageTag.isBlank()) {
            store.clear(user);
            return;
        }
        Locale language = supported(languageTag.strip()).orElseThrow(() -> new InvalidInputException("language",
                "OpenCPS speaks " + SUPPORTED.stream().map(Locale::getLanguage).toList() + ", not '" + languageTag.strip() + "'"));
        store.save(user, language.getLanguage());
    }

    /** The supported language a tag or locale asks for, ignoring its region ("de-AT" is German). */
    public static Optional<Locale> supported(String languageTag) {
        String language = Locale.forLanguageTag(languageTag).getLanguage();
        return SUPPORTED.stream().filter(candidate -> candidate.getLanguage().equals(language)).findFirst();
    }
}
