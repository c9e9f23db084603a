package org.opencps.platform.text;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.opencps.platform.errors.InvalidInputException;

/** The languages OpenCPS's message files are written in. */
public final class SpokenLanguages {

    public static final List<Locale> ALL = List.of(Locale.ENGLISH, Locale.GERMAN, Locale.JAPANESE);

    private SpokenLanguages() {
    }

    /** The language a tag asks for, ignoring its region ("de-AT" is German). */
    public static Optional<Locale> of(String languageTag) {
        String language = Locale.forLanguageTag(languageTag.strip()).getLanguage();
        return ALL.stream().filter(candidate -> candidate.getLanguage().equals(language)).findFirst();
    }

    /** The language code ("de") of a tag a person typed or chose; refused, naming the field, when OpenCPS does not speak it. */
    public static String require(String field, String languageTag) {
        return of(languageTag).map(Locale::getLanguage).orElseThrow(() -> new InvalidInputException(field, "problem.language.unknown",
                "OpenCPS speaks " + String.join(", ", ALL.stream().map(Locale::getLanguage).toList())
                        + ", not '" + languageTag.strip() + "'", languageTag.strip()));
    }
}
