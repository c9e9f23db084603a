package org.opencps.audit.internal;

import org.opencps.audit.internal.persistence.AuditLog;
import org.opencps.devices.ActivationCodeCreated;
import org.opencps.devices.ActivationCodeRefused;
import org.opencps.devices.ActivationCodeRevoked;
import org.opencps.devices.CardAddedAtDevice;
import org.opencps.devices.DeviceBaselineChanged;
import org.opencps.devices.DeviceCredentialRefused;
import org.opencps.devices.DeviceCredentialRotated;
import org.opencps.devices.DeviceCredentialsThrottled;
import org.opencps.devices.DeviceGroupChanged;
import org.opencps.devices.DeviceLoginFailed;
import org.opencps.devices.DeviceLoginLocked;
import org.opencps.devices.DeviceLoginSucceeded;
import org.opencps.devices.DeviceMisuse;
import org.opencps.devices.DeviceRegistered;
import org.opencps.devices.DeviceRemoved;
import org.opencps.devices.DeviceUnregistered;
import org.opencps.devices.DeviceUpdated;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Records the devices module's security events. Changes after they committed, in a transaction
 * of their own, once per event however often it is delivered; refusals and failures whatever
 * becomes of the transaction they happened in, since the refused request rolls back.
 */
@Component
class DevicesAuditListener {

    private final AuditLog log;

    DevicesAuditListener(AuditLog log) {
        this.log = log;
    }

    @ApplicationModuleListener
    void on(ActivationCodeCreated e) {
        log.recordOnce(e.eventId(), e.at(), e.org(), "ACTIVATION_CODE_CREATED", e.by(), e.code().toString(),
                "expires " + e.expiresAt(), e.origin());
    }

    @ApplicationModuleListener
    void on(ActivationCodeRevoked e) {
        log.recordOnce(e.eventId(), e.at(), e.org(), "ACTIVATION_CODE_REVOKED", e.by(), e.code().toString(), null, e.origin());
    }

    @WhateverTheOutcome
    void on(ActivationCodeRefused e) {
        log.record(e.org(), "ACTIVATION_CODE_REFUSED", null, e.code() == null ? null : e.code().toString(), e.reason(),
                e.sourceIp());
    }

    /** Two records, the code's use and the device, so the second one's id is derived from the event's. */
    @ApplicationModuleListener
    void on(DeviceRegistered e) {
        if (e.code() != null) {
            log.recordOnce(e.eventId(), e.at(), e.org(), "ACTIVATION_CODE_USED", null, e.code().toString(),
                    "by device " + e.device(), e.sourceIp(), e.origin());
        }
        log.recordOnce(AuditLog.secondRecordOf(e.eventId()), e.at(), e.org(), "DEVICE_REGISTERED", null, e.device().toString(),
                e.kind() + (e.agent() == null ? "" : ", added by agent " + e.agent()), e.sourceIp(), e.origin());
    }

    @ApplicationModuleListener
    void on(DeviceUnregistered e) {
        log.recordOnce(e.eventId(), e.at(), e.org(), "DEVICE_UNREGISTERED", e.by(), e.device().toString(), null, e.origin());
    }

    @ApplicationModuleListener
    void on(DeviceUpdated e) {
        log.recordOnce(e.eventId(), e.at(), e.org(), "DEVICE_UPDATED", e.by(), e.device().toString(),
                Changes.between(e.before(), e.after()), e.origin());
    }

    /** DEVICE_GROUP_CREATED, _RENAMED or _DELETED, with the names before and after. */
    @ApplicationModuleListener
    void on(DeviceGroupChanged e) {
        String type = e.before() == null ? "DEVICE_GROUP_CREATED" : e.after() == null ? "DEVICE_GROUP_DELETED" : "DEVICE_GROUP_RENAMED";
        log.recordOnce(e.eventId(), e.at(), e.org(), type, e.by(), e.group().toString(),
                "name: " + e.before() + " -> " + e.after(), e.origin());
    }

    @ApplicationModuleListener
    void on(DeviceRemoved e) {
        log.recordOnce(e.eventId(), e.at(), e.org(), "DEVICE_REMOVED", e.by(), e.device().toString(), null, e.origin());
    }

    @ApplicationModuleListener
    void on(DeviceCredentialRotated e) {
        log.recordOnce(e.eventId(), e.at(), e.org(), "DEVICE_CREDENTIAL_ROTATED", null, e.device().toString(), null,
                e.sourceIp(), e.origin());
    }

    @WhateverTheOutcome
    void on(DeviceCredentialRefused e) {
        log.record(null, "DEVICE_CREDENTIAL_REFUSED", null, null, e.reason(), e.sourceIp());
    }

    @WhateverTheOutcome
    void on(DeviceCredentialsThrottled e) {
        log.record(null, "DEVICE_CREDENTIALS_THROTTLED", null, null,
                "too many wrong device credentials from one source; device sign-ins from it refused for now", e.sourceIp());
    }

    /** Published in the commit of the session: recorded when it is there. */
    @ApplicationModuleListener
    void on(DeviceLoginSucceeded e) {
        log.recordOnce(e.eventId(), e.at(), e.org(), "DEVICE_LOGIN_SUCCEEDED", e.user(), e.device().toString(), e.method(),
                e.origin());
    }

    @WhateverTheOutcome
    void on(DeviceLoginFailed e) {
        log.record(e.org(), "DEVICE_LOGIN_FAILED", e.user(), e.device().toString(), e.method() + ": " + e.reason(), null);
    }

    @WhateverTheOutcome
    void on(DeviceLoginLocked e) {
        log.record(e.org(), "DEVICE_LOGIN_LOCKED", null, e.device().toString(), "PIN and card logins until " + e.until(), null);
    }

    @ApplicationModuleListener
    void on(DeviceBaselineChanged e) {
        log.recordOnce(e.eventId(), e.at(), e.org(), "DEVICE_BASELINE_CHANGED", e.by(), e.org().toString(),
                Changes.between(e.before(), e.after()), e.origin());
    }

    /** A card its owner added at a printer, signed in there. */
    @ApplicationModuleListener
    void on(CardAddedAtDevice e) {
        log.recordOnce(e.eventId(), e.at(), e.org(), "CARD_ADDED_AT_DEVICE", e.user(), e.user().toString(),
                "card " + e.card() + " at device " + e.device(), e.origin());
    }

    @WhateverTheOutcome
    void on(DeviceMisuse e) {
        log.record(e.org(), "DEVICE_MISUSE", e.person(), e.device() == null ? null : e.device().toString(), e.what(), e.sourceIp());
    }
}
