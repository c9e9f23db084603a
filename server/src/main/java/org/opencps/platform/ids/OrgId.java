package org.opencps.platform.ids;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Objects;
import java.util.UUID;

/** The id of an organization of the tree (root provider, provider or customer). */
public record OrgId(UUID value) implements EntityId {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public OrgId {
        Objects.requireNonNull(value, "value");
    }

    public static OrgId random() {
        return new OrgId(UUID.randomUUID());
    }

    public static OrgId of(UUID value) {
        return value == null ? null : new OrgId(value);
    }

    /** Parses an id from a URL or a request; a malformed id is reported as {@link IllegalArgumentException}. */
    public static OrgId parse(String text) {
        return new OrgId(Uuids.parse(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
