package org.opencps.scanning.internal;

import java.util.Locale;
import java.util.regex.Pattern;
import org.opencps.platform.errors.InvalidInputException;

/** E-mail addresses people give for scans: one plain address, no display name, no list. */
public final class EmailAddresses {

    private static final Pattern EMAIL = Pattern.compile(
            "^[^@\\s\"<>,;()\\[\\]\\\\]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?)+$");

    private EmailAddresses() {
    }

    /** The address, stripped and its domain lower-cased; 422 naming {@code field} when it is no e-mail address. */
    public static String valid(String field, String email) {
        String clean = email == null ? "" : email.strip();
        if (clean.length() > 254 || !EMAIL.matcher(clean).matches()) {
            throw new InvalidInputException(field, "problem.scan.email", "not an e-mail address: give one like name@example.com");
        }
        int at = clean.lastIndexOf('@');
        return clean.substring(0, at) + clean.substring(at).toLowerCase(Locale.ROOT);
    }
}
