package org.opencps.audit.internal;

import org.opencps.audit.internal.persistence.AuditLog;
import java.util.Collection;
import org.opencps.identity.AccountActivity;
import org.opencps.identity.AccountLocked;
import org.opencps.identity.ApiTokenCreated;
import org.opencps.identity.ApiTokenRevoked;
import org.opencps.identity.CardConfirmed;
import org.opencps.identity.CardRegistered;
import org.opencps.identity.CardRemoved;
import org.opencps.identity.CredentialChanged;
import org.opencps.identity.GroupChanged;
import org.opencps.identity.InvitationAccepted;
import org.opencps.identity.InvitationRevoked;
import org.opencps.identity.InvitationSent;
import org.opencps.identity.LoginFailed;
import org.opencps.identity.LoginSecondFactorSucceeded;
import org.opencps.identity.LoginSucceeded;
import org.opencps.identity.MemberRemoved;
import org.opencps.identity.MemberRolesChanged;
import org.opencps.identity.PasswordChanged;
import org.opencps.identity.PinIssued;
import org.opencps.identity.EmailDomainChanged;
import org.opencps.identity.GoogleWorkspaceChanged;
import org.opencps.identity.ScimChanged;
import org.opencps.identity.SingleSignOnChanged;
import org.opencps.identity.SsoSignedOut;
import org.opencps.platform.ids.UserId;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Records security events of the identity module. Changes after they committed, in a transaction
 * of their own, once per event however often it is delivered. Password checks, failed or not,
 * when they are made: a password login holds no transaction open, and a refused one answers
 * with an error.
 */
@Component
class IdentityAuditListener {

    private final AuditLog log;

    IdentityAuditListener(AuditLog log) {
        this.log = log;
    }

    @WhateverTheOutcome
    void on(LoginSucceeded e) {
        log.record(null, "LOGIN_SUCCEEDED", e.user(), e.user().toString(), null, e.sourceIp());
    }

    @WhateverTheOutcome
    void on(LoginSecondFactorSucceeded e) {
        log.record(null, "LOGIN_SECOND_FACTOR_SUCCEEDED", e.user(), e.user().toString(),
                e.enrolled() ? "authenticator app set up in this step" : null, e.sourceIp());
    }

    @WhateverTheOutcome
    void on(LoginFailed e) {
        log.record(null, "LOGIN_FAILED", e.user(), e.email(), e.reason(), e.sourceIp());
    }

    /** The organization's single sign-on provider or sign-in policy changed (PRODUCT.md §8: SSO and security settings). */
    @ApplicationModuleListener
    void on(SingleSignOnChanged e) {
        log.recordOnce(e.eventId(), e.at(), e.orgId(), "SSO_CHANGED", e.changedBy(), e.orgId().toString(), e.change(), e.origin());
    }

    /** The organization's Google Workspace import: connection, selection, imports, deactivations. */
    @ApplicationModuleListener
    void on(GoogleWorkspaceChanged e) {
        log.recordOnce(e.eventId(), e.at(), e.orgId(), "GOOGLE_WORKSPACE_CHANGED", e.changedBy(), e.orgId().toString(), e.change(), e.origin());
    }

    /** An e-mail domain of the organization's single sign-on was claimed, released, checked, verified or lost. */
    @ApplicationModuleListener
    void on(EmailDomainChanged e) {
        log.recordOnce(e.eventId(), e.at(), e.orgId(), "SSO_DOMAIN_CHANGED", e.changedBy(), e.domain(), e.change(), e.origin());
    }

    @ApplicationModuleListener
    void on(AccountLocked e) {
        log.recordOnce(e.eventId(), e.at(), null, "ACCOUNT_LOCKED", e.user(), e.user().toString(), "until " + e.until(),
                e.sourceIp(), e.origin());
    }

    @ApplicationModuleListener
    void on(PasswordChanged e) {
        log.recordOnce(e.eventId(), e.at(), null, e.byReset() ? "PASSWORD_RESET" : "PASSWORD_CHANGED", e.user(),
                e.user().toString(), null, e.origin());
    }

    @ApplicationModuleListener
    void on(InvitationSent e) {
        log.recordOnce(e.eventId(), e.at(), e.org(), "INVITATION_SENT", e.invitedBy(), e.email(), "roles " + e.roles(), e.origin());
    }

    @ApplicationModuleListener
    void on(InvitationAccepted e) {
        log.recordOnce(e.eventId(), e.at(), e.org(), "INVITATION_ACCEPTED", e.user(), e.invitation().toString(), null, e.origin());
    }

    @ApplicationModuleListener
    void on(MemberRolesChanged e) {
        log.recordOnce(e.eventId(), e.at(), e.org(), "ROLES_CHANGED", e.changedBy(), e.member().toString(),
                e.before() == null ? "roles " + sorted(e.roles()) : "roles: " + sorted(e.before()) + " -> " + sorted(e.roles()),
                e.origin());
    }

    @ApplicationModuleListener
    void on(InvitationRevoked e) {
        log.recordOnce(e.eventId(), e.at(), e.org(), "INVITATION_REVOKED", e.by(), e.invitation().toString(), null, e.origin());
    }

    /** GROUP_CREATED, GROUP_DELETED, GROUP_MEMBER_ADDED, GROUP_MEMBER_REMOVED; the subject is the group. */
    @ApplicationModuleListener
    void on(GroupChanged e) {
        log.recordOnce(e.eventId(), e.at(), e.org(), "GROUP_" + e.change().name(), e.by(), e.group().toString(),
                "group '" + e.name() + "'" + (e.member() == null ? "" : ", member " + e.member()), e.origin());
    }

    /**
     * SIGNED_UP, EMAIL_VERIFIED, PASSWORD_RESET_REQUESTED, ALL_SESSIONS_ENDED, FIRST_ADMIN_CREATED: the person is actor and
     * subject; SESSIONS_ENDED_BY_IDENTITY_PROVIDER: the person is the subject, the provider (no person) acted.
     */
    @ApplicationModuleListener
    void on(AccountActivity e) {
        UserId actor = e.kind() == AccountActivity.Kind.SESSIONS_ENDED_BY_IDENTITY_PROVIDER ? null : e.user();
        log.recordOnce(e.eventId(), e.at(), e.org(), e.kind().name(), actor, e.user().toString(), null, e.origin());
    }

    /**
     * SSO_LOGOUT: a person who signed in through the organization's identity provider signed out; the detail says how it
     * went at the provider (sent there, local only and why, the provider's answer).
     */
    @ApplicationModuleListener
    void on(SsoSignedOut e) {
        log.recordOnce(e.eventId(), e.at(), e.org(), "SSO_LOGOUT", e.user(), e.user().toString(),
                e.protocol() + " " + e.outcome().name().toLowerCase(java.util.Locale.ROOT) + ": " + e.detail(), e.origin());
    }

    private static String sorted(Collection<?> items) {
        return items.stream().map(Object::toString).sorted().toList().toString();
    }

    @ApplicationModuleListener
    void on(MemberRemoved e) {
        log.recordOnce(e.eventId(), e.at(), e.org(), "MEMBER_REMOVED", e.removedBy(), e.member().toString(), null, e.origin());
    }

    @ApplicationModuleListener
    void on(PinIssued e) {
        log.recordOnce(e.eventId(), e.at(), e.org(), "PIN_ISSUED", e.by(), e.user().toString(), null, e.origin());
    }

    @ApplicationModuleListener
    void on(CardRegistered e) {
        log.recordOnce(e.eventId(), e.at(), e.org(), "CARD_REGISTERED", e.by(), e.user().toString(),
                "card " + e.card() + (e.pending() ? ", waiting for its owner's confirmation" : ""), e.origin());
    }

    @ApplicationModuleListener
    void on(CardConfirmed e) {
        log.recordOnce(e.eventId(), e.at(), e.org(), "CARD_CONFIRMED", e.user(), e.user().toString(),
                "card " + e.card() + " " + e.how(), e.origin());
    }

    @ApplicationModuleListener
    void on(CardRemoved e) {
        log.recordOnce(e.eventId(), e.at(), e.org(), "CARD_REMOVED", e.by(), e.user().toString(), "card " + e.card(), e.origin());
    }

    @ApplicationModuleListener
    void on(ApiTokenCreated e) {
        log.recordOnce(e.eventId(), e.at(), e.org(), "API_TOKEN_CREATED", e.user(), e.token().toString(), null, e.origin());
    }

    @ApplicationModuleListener
    void on(ApiTokenRevoked e) {
        log.recordOnce(e.eventId(), e.at(), e.org(), "API_TOKEN_REVOKED", e.user(), e.token().toString(), null, e.origin());
    }

    /** A credential kept outside identity (the secret print-queue URL): its holder is the actor and the subject. */
    @ApplicationModuleListener
    void on(CredentialChanged e) {
        log.recordOnce(e.eventId(), e.at(), e.org(), e.action(), e.user(), e.user().toString(), null, e.origin());
    }

        /** Provisioning through SCIM: people and groups the identity provider changed, and the organization's SCIM token. */
    @ApplicationModuleListener
    void on(ScimChanged e) {
        log.recordOnce(e.eventId(), e.at(), e.org(), e.action(), e.by(), e.subject(), e.detail(), null);
    }
}
