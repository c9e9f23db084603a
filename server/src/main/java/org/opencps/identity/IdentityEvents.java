package org.opencps.identity;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.opencps.access.RoleRef;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;

/** What the identity module tells others about (the audit trail listens). */
public final class IdentityEvents {

    private IdentityEvents() {
    }

    public record LoginSucceeded(UserId user, String sourceIp) {
    }

    /** {@code user} is null when no account has that e-mail address. */
    public record LoginFailed(UserId user, String email, String sourceIp, String reason) {
    }

    /** Logins from one source went over the rate limit; published once per run of refusals. */
    public record LoginsThrottled(String sourceIp, String lastEmailTried) {
    }

    public record AccountLocked(UserId user, Instant until, String sourceIp) {
    }

    public record PasswordChanged(UserId user, boolean byReset) {
    }

    public record InvitationSent(OrgId org, UUID invitation, UserId invitedBy, String email, Set<RoleRef> roles) {
    }

    public record InvitationAccepted(OrgId org, UUID invitation, UserId user) {
    }

    public record MemberRolesChanged(OrgId org, UserId member, UserId changedBy, Set<RoleRef> roles) {
    }

    public record MemberRemoved(OrgId org, UserId member, UserId removedBy) {
    }

    public record PinIssued(OrgId org, UserId user, UserId by) {
    }

    /** {@code pending}: added by someone other than its owner, it logs nobody in until the owner confirms it. */
    public record CardRegistered(OrgId org, UserId user, UUID card, UserId by, boolean pending, Instant at) {
    }

    /** The owner confirmed a card someone else added: in the portal, or at a printer with their PIN ({@code how}). */
    public record CardConfirmed(OrgId org, UserId user, UUID card, String how) {
    }

    public record CardRemoved(OrgId org, UserId user, UUID card, UserId by) {
    }

    public record ApiTokenCreated(OrgId org, UserId user, UUID token) {
    }

    public record ApiTokenRevoked(OrgId org, UserId user, UUID token) {
    }
}
