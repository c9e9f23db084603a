package org.opencps.reporting.recipients;

import org.opencps.platform.text.SpokenLanguages;

/** The languages a report recipient's mails can be written in: those of the message files. */
public final class RecipientLanguages {

    private RecipientLanguages() {
    }

    /** The language tag, English when none is given. */
    public static String validate(String field, String language) {
        if (language == null || language.isBlank()) {
            return "en";
        }
        return SpokenLanguages.require(field, language);
    }
}
