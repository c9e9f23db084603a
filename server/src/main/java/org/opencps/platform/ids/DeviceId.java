package org.opencps.platform.ids;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Objects;
import java.util.UUID;

/** The id of a device: a printer, or an edge agent standing in for printers. */
public record DeviceId(UUID value) implements EntityId {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public DeviceId {
        Objects.requireNonNull(value, "value");
    }

    public static DeviceId random() {
        return new DeviceId(UUID.randomUUID());
    }

    public static DeviceId of(UUID value) {
        return value == null ? null : new DeviceId(value);
    }

    /** Parses an id from a URL or a request; a malformed id is reported as {@link IllegalArgumentException}. */
    public static DeviceId parse(String text) {
        return new DeviceId(Uuids.parse(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
