package org.opencps.platform.text;

import org.opencps.platform.errors.InvalidInputException;

/** The one rule for every name a person types (organizations, groups, roles, tokens, people). */
public final class Names {

    private Names() {
    }

    /**
     * Returns the name without surrounding blanks, or throws naming {@code field} when it is
     * empty, longer than {@code max} characters, or holds control characters.
     */
    public static String require(String field, String value, int max, String what) {
        String trimmed = value == null ? "" : value.strip();
        if (trimmed.isEmpty() || trimmed.length() > max) {
            throw new InvalidInputException(field, "problem.name.length", what + " has 1 to " + max + " characters", max);
        }
        if (trimmed.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException(field, "problem.name.control", what + " may not contain control characters");
        }
        return trimmed;
    }
}
