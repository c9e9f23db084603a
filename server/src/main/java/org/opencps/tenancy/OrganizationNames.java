package org.opencps.tenancy;

import org.opencps.platform.text.Names;
import org.opencps.platform.errors.ConflictException;

/** What an organization's name must look like. */
final class OrganizationNames {

    static final int MAX_LENGTH = 200;

    private OrganizationNames() {
    }

    static String validate(String name) {
        return Names.require("name", name, MAX_LENGTH, "an organization name");
    }

    static ConflictException taken(String name) {
        return new ConflictException("name", "problem.organization.nameTaken", "an organization named '" + name + "' already exists here", name);
    }
}
