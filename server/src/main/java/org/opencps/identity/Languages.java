package org.opencps.identity;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.opencps.identity.internal.persistence.LanguageStore;
import org.opencps.platform.errors.InvalidInputException;
import org.opencps.platform.ids.UserId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The languages OpenCPS speaks, and the one each person chose for the portal and their e-mails.
 * Someone who chose none reads pages in their browser's language and e-mails in English.
 */
@Service
public class Languages {

    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.GERMAN, Locale.JAPANESE);

    private final LanguageStore store;

    Languages(LanguageStore store) {
        this.store = store;
    }

    public Optional<Locale> chosenBy(UserId user) {
        return store.find(user).flatMap(Languages::supported);
    }

    /** The language of e-mails to this person. */
    public Locale forMail(UserId user) {
        return chosenBy(user).orElse(Locale.ENGLISH);
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
