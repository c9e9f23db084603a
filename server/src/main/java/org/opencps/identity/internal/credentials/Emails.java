package org.opencps.identity.internal.credentials;

import java.util.Locale;
import java.util.regex.Pattern;
import org.opencps.platform.errors.InvalidInputException;

/** E-mail addresses are compared in lower case; this is the one place that checks their form. */
public final class Emails {

    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

    private Emails() {
    }

    public static String normalize(String field, String email) {
        String trimmed = email == null ? "" : email.strip();
        if (trimmed.isEmpty()) {
            throw new InvalidInputException(field, "problem.email.required", "an e-mail address is required");
        }
        if (trimmed.length() > 254 || !FORM.matcher(trimmed).matches()) {
            throw new InvalidInputException(field, "problem.email.invalid", "'" + trimmed + "' is not a valid e-mail address", trimmed);
        }
        return trimmed.toLowerCase(Locale.ROOT);
    }
}
