package org.opencps.access;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;
import org.opencps.platform.errors.InvalidInputException;
import org.opencps.platform.ids.Uuids;

/** A role as stored and sent over the API: a fixed role's name, or {@code custom:<id>}. */
public record RoleRef(String key) {

    private static final String CUSTOM = "custom:";

    /** Written to JSON as the bare key. */
    @Override
    @JsonValue
    public String key() {
        return key;
    }

    public static RoleRef of(FixedRole role) {
        return new RoleRef(role.name());
    }

    public static RoleRef custom(UUID id) {
        return new RoleRef(CUSTOM + id);
    }

    /** Parses a role key from a request, naming {@code field} when it is not a known form. */
    public static RoleRef parse(String key, String field) {
        if (key != null && key.startsWith(CUSTOM)) {
            try {
                return custom(Uuids.parse(key.substring(CUSTOM.length())));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(field, "problem.role.badReference", "'" + key + "' is not a valid custom role reference", key);
            }
        }
        if (key == null) {
            throw new InvalidInputException(field, "problem.role.required", "a role is required");
        }
        try {
            return of(FixedRole.valueOf(key));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "problem.role.unknown", "unknown role '" + key + "'", key);
        }
    }

    public boolean isCustom() {
        return key.startsWith(CUSTOM);
    }

    public FixedRole fixedRole() {
        return isCustom() ? null : FixedRole.valueOf(key);
    }

    public UUID customRoleId() {
        return isCustom() ? UUID.fromString(key.substring(CUSTOM.length())) : null;
    }

    @Override
    public String toString() {
        return key;
    }
}
