package org.opencps.identity;

import java.time.Instant;
import java.util.UUID;
import org.opencps.platform.ids.UserId;

/** A person proved one of their passkeys: to sign in without a password, as the second step of a sign-in, or for step-up. */
public record PasskeyUsed(UserId user, String passkey, Passkeys.Purpose purpose, String sourceIp, Instant at, UUID eventId) {

    public PasskeyUsed(UserId user, String passkey, Passkeys.Purpose purpose, String sourceIp, Instant at) {
        this(user, passkey, purpose, sourceIp, at, UUID.randomUUID());
    }
}
