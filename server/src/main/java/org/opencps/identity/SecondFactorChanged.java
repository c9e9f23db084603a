package org.opencps.identity;

import java.time.Instant;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;

/**
 * A person's second factor changed: {@code by} is the person themselves, or the administrator of {@code org} who
 * reset it (org is null for a person's own change).
 */
public record SecondFactorChanged(UserId user, Change change, UserId by, OrgId org, Instant at, UUID eventId) {

    public enum Change { TOTP_ENROLLED, TOTP_REMOVED, RECOVERY_CODES_CREATED, RESET_BY_ADMIN, PASSKEY_REGISTERED, PASSKEY_REMOVED }

    /** A new occurrence, with an {@code eventId} of its own. */
    public SecondFactorChanged(UserId user, Change change, UserId by, OrgId org, Instant at) {
        this(user, change, by, org, at, UUID.randomUUID());
    }
}
