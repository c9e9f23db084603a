package org.opencps.identity;

import java.time.Instant;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;

/**
 * Provisioning changed an organization's people or groups, or its SCIM token changed: for the audit trail.
 * {@code by} is the customer admin for token changes and null for changes the identity provider made with the token.
 */
public record ScimChanged(OrgId org, UserId by, String action, String subject, String detail, Instant at, UUID eventId) {

    /** A new occurrence, with an {@code eventId} of its own. */
    public ScimChanged(OrgId org, UserId by, String action, String subject, String detail, Instant at) {
        this(org, by, action, subject, detail, at, UUID.randomUUID());
    }
}
