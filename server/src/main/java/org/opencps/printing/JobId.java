package org.opencps.printing;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;
import org.opencps.platform.ids.Uuids;

/** The id of a print job: random, so it reveals nothing about other jobs. */
public record JobId(UUID value) {

    public JobId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    @JsonValue
    public UUID value() {
        return value;
    }

    @JsonCreator
    public static JobId fromJson(UUID value) {
        return new JobId(value);
    }

    public static JobId random() {
        return new JobId(UUID.randomUUID());
    }

    public static JobId parse(String text) {
        return new JobId(Uuids.parse(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
