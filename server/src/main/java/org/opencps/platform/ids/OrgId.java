package org.opencps.platform.ids;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** The id of an organization of the tree (root provider, provider or customer). */
public record OrgId(UUID value) implements Serializable {

    public OrgId {
        Objects.requireNonNull(value, "value");
    }

    /** Written to JSON as the bare UUID. */
    @Override
    @JsonValue
    public UUID value() {
        return value;
    }

    @JsonCreator
    public static OrgId fromJson(UUID value) {
        return new OrgId(value);
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
