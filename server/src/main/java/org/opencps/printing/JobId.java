package org.opencps.printing;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Objects;
import java.util.UUID;
import org.opencps.platform.ids.EntityId;
import org.opencps.platform.ids.Uuids;

/** The id of a print job. */
public record JobId(UUID value) implements EntityId {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public JobId {
        Objects.requireNonNull(value, "value");
    }

    public static JobId random() {
        return new JobId(UUID.randomUUID());
    }

    public static JobId of(UUID value) {
        return value == null ? null : new JobId(value);
    }

    /** Parses an id from a URL or a request; a malformed id is reported as {@link IllegalArgumentException}. */
    public static JobId parse(String text) {
        return new JobId(Uuids.parse(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
