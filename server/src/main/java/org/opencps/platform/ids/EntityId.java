package org.opencps.platform.ids;

import com.fasterxml.jackson.annotation.JsonValue;
import java.io.Serializable;
import java.util.UUID;

/**
 * The shape every entity id shares: a random UUID (it reveals nothing about other entities),
 * written to JSON and URLs as the bare UUID. Each id is its own record so that an organization
 * id can never be passed where a user id is expected.
 */
public interface EntityId extends Serializable {

    @JsonValue
    UUID value();
}
