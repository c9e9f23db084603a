package org.opencps.tenancy;

import org.opencps.platform.errors.ConflictException;
import org.opencps.platform.errors.InvalidInputException;

/** What an organization's name must look like. */
final class OrganizationNames {

    static final int MAX_LENGTH = 200;

    private OrganizationNames() {
    }

    static String validate(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_LENGTH) {
            throw new InvalidInputException("name", "an organization name has 1 to " + MAX_LENGTH + " characters");
        }
        if (trimmed.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("name", "an organization name may not contain control characters");
        }
        return trimmed;
    }

    static ConflictException taken(String name) {
        return new ConflictException("name", "an organization named '" + name + "' already exists here");
    }
}
