package org.opencps.audit.internal;

import org.opencps.audit.internal.persistence.AuditLog;
import org.opencps.identity.AccountLocked;
import org.opencps.identity.ApiTokenCreated;
import org.opencps.identity.ApiTokenRevoked;
import org.opencps.identity.CardConfirmed;
import org.opencps.identity.CardRegistered;
import org.opencps.identity.CardRemoved;
import org.opencps.identity.InvitationAccepted;
import org.opencps.identity.InvitationSent;
import org.opencps.identity.LoginFailed;
import org.opencps.identity.LoginSucceeded;
import org.opencps.identity.MemberRemoved;
import org.opencps.identity.MemberRolesChanged;
import org.opencps.identity.PasswordChanged;
import org.opencps.identity.PinIssued;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records security events of the identity module. Listeners run in the publisher's transaction,
 * so an event is recorded exactly when the change it describes is committed.
 */
@Component
class IdentityAuditListener {

    private final AuditLog log;

    IdentityAuditListener(AuditLog log) {
        this.log = log;
    }

    @EventListener
    void on(LoginSucceeded e) {
        log.record(null, "LOGIN_SUCCEEDED", e.user(), e.user().toString(), null, e.sourceIp());
    }

    @EventListener
    void on(LoginFailed e) {
        log.record(null, "LOGIN_FAILED", e.user(), e.email(), e.reason(), e.sourceIp());
    }

    @EventListener
    void on(AccountLocked e) {
        log.record(null, "ACCOUNT_LOCKED", e.user(), e.user().toString(), "until " + e.until(), e.sourceIp());
    }

    @EventListener
    void on(PasswordChanged e) {
        log.record(null, e.byReset() ? "PASSWORD_RESET" : "PASSWORD_CHANGED", e.user(), e.user().toString(), null, null);
    }

    @EventListener
    void on(InvitationSent e) {
        log.record(e.org(), "INVITATION_SENT", e.invitedBy(), e.email(), "roles " + e.roles(), null);
    }

    @EventListener
    void on(InvitationAccepted e) {
        log.record(e.org(), "INVITATION_ACCEPTED", e.user(), e.invitation().toString(), null, null);
    }

    @EventListener
    void on(MemberRolesChanged e) {
        log.record(e.org(), "ROLES_CHANGED", e.changedBy(), e.member().toString(), "roles " + e.roles(), null);
    }

    @EventListener
    void on(MemberRemoved e) {
        log.record(e.org(), "MEMBER_REMOVED", e.removedBy(), e.member().toString(), null, null);
    }

    @EventListener
    void on(PinIssued e) {
        log.record(e.org(), "PIN_ISSUED", e.by(), e.user().toString(), null, null);
    }

    @EventListener
    void on(CardRegistered e) {
        log.record(e.org(), "CARD_REGISTERED", e.by(), e.user().toString(),
                "card " + e.card() + (e.pending() ? ", waiting for its owner's confirmation" : ""), null);
    }

    @EventListener
    void on(CardConfirmed e) {
        log.record(e.org(), "CARD_CONFIRMED", e.user(), e.user().toString(), "card " + e.card() + " " + e.how(), null);
    }

    @EventListener
    void on(CardRemoved e) {
        log.record(e.org(), "CARD_REMOVED", e.by(), e.user().toString(), "card " + e.card(), null);
    }

    @EventListener
    void on(ApiTokenCreated e) {
        log.record(e.org(), "API_TOKEN_CREATED", e.user(), e.token().toString(), null, null);
    }

    @EventListener
    void on(ApiTokenRevoked e) {
        log.record(e.org(), "API_TOKEN_REVOKED", e.user(), e.token().toString(), null, null);
    }
}
