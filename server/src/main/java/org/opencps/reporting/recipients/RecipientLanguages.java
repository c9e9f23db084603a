package org.opencps.reporting.recipients;

import java.util.Locale;
import java.util.Set;
import org.opencps.platform.errors.InvalidInputException;

/** The languages a report recipient's mails can be written in: those of the message files. */
public final class RecipientLanguages {

    public static final Set<String> SUPPORTED = Set.of("en", "de", "ja");

    private RecipientLanguages() {
    }

    /** The language tag, English when none is given. */
    public static String validate(String field, String language) {
        if (language == null || language.isBlank()) {
            return "en";
        }
        String tag = language.strip().toLowerCase(Locale.ROOT);
        if (!SUPPORTED.contains(tag)) {
            throw new InvalidInputException(field, "the language is one of en, de, ja");
        }
        return tag;
    }
}
