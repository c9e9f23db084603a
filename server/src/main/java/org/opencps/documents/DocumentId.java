package org.opencps.documents;

import java.util.Objects;
import java.util.UUID;
import org.opencps.platform.ids.Uuids;

/** The id of a stored document: random, and bound into its ciphertext with its organization's id. */
public record DocumentId(UUID value) {

    public DocumentId {
        Objects.requireNonNull(value, "value");
    }

    public static DocumentId random() {
        return new DocumentId(UUID.randomUUID());
    }

    public static DocumentId parse(String text) {
        return new DocumentId(Uuids.parse(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
