package org.opencps.documents;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Objects;
import java.util.UUID;
import org.opencps.platform.ids.EntityId;
import org.opencps.platform.ids.Uuids;

/** The id of a stored document, bound into its ciphertext with its organization's id. */
public record DocumentId(UUID value) implements EntityId {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public DocumentId {
        Objects.requireNonNull(value, "value");
    }

    public static DocumentId random() {
        return new DocumentId(UUID.randomUUID());
    }

    public static DocumentId of(UUID value) {
        return value == null ? null : new DocumentId(value);
    }

    /** Parses an id from a URL or a request; a malformed id is reported as {@link IllegalArgumentException}. */
    public static DocumentId parse(String text) {
        return new DocumentId(Uuids.parse(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
