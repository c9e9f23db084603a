package org.opencps.identity;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.opencps.access.RoleRef;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;

/**
 * An invitation to join an organization with the given roles; its link works once, for 7 days.
 * {@code byProvider}: sent by the provider above, appointing the organization's admins.
 */
public record Invitation(OrgId orgId, UUID id, String email, Set<RoleRef> roles, UserId invitedBy, boolean byProvider,
                         Instant createdAt, Instant expiresAt, Instant acceptedAt, Instant revokedAt) {

    public enum State { PENDING, ACCEPTED, REVOKED, EXPIRED }

    public State state(Instant now) {
        if (acceptedAt != null) {
            return State.ACCEPTED;
        }
        if (revokedAt != null) {
            return State.REVOKED;
        }
        return now.isBefore(expiresAt) ? State.PENDING : State.EXPIRED;
    }
}
