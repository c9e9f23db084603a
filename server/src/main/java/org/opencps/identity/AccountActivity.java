package org.opencps.identity;

import java.time.Instant;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.platform.origin.RequestOrigin;

/**
 * Something a person did to their own account outside any organization's settings: signed up,
 * verified their e-mail address, asked for a password reset link, ended all their sessions, or
 * completed the first start as the first admin ({@code org} is then the root organization, else
 * null); or their organization's identity provider ended their sessions ({@code org} is that organization).
 */
public record AccountActivity(UserId user, OrgId org, Kind kind, Instant at, UUID eventId, RequestOrigin origin) {

    /** SESSIONS_ENDED_BY_IDENTITY_PROVIDER: the organization's OIDC provider logged the person out (back-channel). */
    public enum Kind { SIGNED_UP, EMAIL_VERIFIED, PASSWORD_RESET_REQUESTED, ALL_SESSIONS_ENDED, FIRST_ADMIN_CREATED,
        SESSIONS_ENDED_BY_IDENTITY_PROVIDER }

    /** A new occurrence, with an {@code eventId} of its own, taken in the request served on this thread (if any). */
    public AccountActivity(UserId user, OrgId org, Kind kind, Instant at) {
        this(user, org, kind, at, UUID.randomUUID(), RequestOrigin.current());
    }
}
