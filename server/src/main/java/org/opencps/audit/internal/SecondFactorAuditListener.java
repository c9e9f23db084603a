package org.opencps.audit.internal;

import java.util.Locale;
import org.opencps.audit.internal.persistence.AuditLog;
import org.opencps.identity.PasskeyUsed;
import org.opencps.identity.SecondFactorChanged;
import org.opencps.identity.SecondFactorPolicyChanged;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Records changes of people's second factors: SECOND_FACTOR_TOTP_ENROLLED, _TOTP_REMOVED, _RECOVERY_CODES_CREATED,
 * _PASSKEY_REGISTERED, _PASSKEY_REMOVED and _RESET_BY_ADMIN, by whom, for whom. Once per event however often it is
 * delivered. A passkey proved (PASSKEY_USED: to sign in, as the second step, for step-up) is recorded however the
 * request ends, as logins are; a refused one is a LOGIN_FAILED.
 */
@Component
class SecondFactorAuditListener {

    private final AuditLog log;

    SecondFactorAuditListener(AuditLog log) {
        this.log = log;
    }

    /** An organization's second-factor requirement changed: SECOND_FACTOR_POLICY_CHANGED, with each changed field's before and after. */
    @ApplicationModuleListener
    void on(SecondFactorPolicyChanged e) {
        log.recordOnce(e.eventId(), e.at(), e.orgId(), "SECOND_FACTOR_POLICY_CHANGED", e.changedBy(), e.orgId().toString(),
                Changes.between(e.before(), e.after()), e.origin());
    }

    @ApplicationModuleListener
    void on(SecondFactorChanged e) {
        log.recordOnce(e.eventId(), e.at(), e.org(), "SECOND_FACTOR_" + e.change().name().toUpperCase(Locale.ROOT), e.by(),
                e.user().toString(), null, null);
    }

    @WhateverTheOutcome
    void on(PasskeyUsed e) {
        log.record(null, "PASSKEY_USED", e.user(), e.user().toString(),
                e.purpose().name().toLowerCase(Locale.ROOT) + ": " + e.passkey(), e.sourceIp());
    }
}
