package org.opencps.identity.internal.credentials;

import org.opencps.platform.errors.InvalidInputException;

public final class DisplayNames {

    private DisplayNames() {
    }

    public static String validate(String field, String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > 200) {
            throw new InvalidInputException(field, "a name has 1 to 200 characters");
        }
        if (trimmed.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException(field, "a name may not contain control characters");
        }
        return trimmed;
    }
}
