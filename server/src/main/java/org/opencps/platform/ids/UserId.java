package org.opencps.platform.ids;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Objects;
import java.util.UUID;

/** The id of a person (a user account). */
public record UserId(UUID value) implements EntityId {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public UserId {
        Objects.requireNonNull(value, "value");
    }

    public static UserId random() {
        return new UserId(UUID.randomUUID());
    }

    public static UserId of(UUID value) {
        return value == null ? null : new UserId(value);
    }

    /** Parses an id from a URL or a request; a malformed id is reported as {@link IllegalArgumentException}. */
    public static UserId parse(String text) {
        return new UserId(Uuids.parse(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
