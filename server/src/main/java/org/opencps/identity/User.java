package org.opencps.identity;

import java.time.Instant;
import org.opencps.platform.ids.UserId;

/** A person's account. One account may belong to several organizations. */
public record User(UserId id, String email, String displayName, boolean emailVerified, Instant createdAt) {
}
