package org.opencps.audit.internal;

import org.opencps.audit.internal.persistence.AuditLog;
import org.opencps.devices.ActivationCodeCreated;
import org.opencps.devices.ActivationCodeRefused;
import org.opencps.devices.ActivationCodeRevoked;
import org.opencps.devices.DeviceCredentialRefused;
import org.opencps.devices.DeviceCredentialRotated;
import org.opencps.devices.DeviceCredentialsThrottled;
import org.opencps.devices.DeviceLoginFailed;
import org.opencps.devices.DeviceLoginLocked;
import org.opencps.devices.DeviceLoginSucceeded;
import org.opencps.devices.DeviceMisuse;
import org.opencps.devices.DeviceRegistered;
import org.opencps.devices.DeviceRemoved;
import org.opencps.devices.DeviceUnregistered;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Records the devices module's security events. Changes are recorded in their own transaction;
 * refusals and failures after it, whatever its outcome, since the refused request rolls back.
 */
@Component
class DevicesAuditListener {

    private final AuditLog log;

    DevicesAuditListener(AuditLog log) {
        this.log = log;
    }

    @EventListener
    void on(ActivationCodeCreated e) {
        log.record(e.org(), "ACTIVATION_CODE_CREATED", e.by(), e.code().toString(), "expires " + e.expiresAt(), null);
    }

    @EventListener
    void on(ActivationCodeRevoked e) {
        log.record(e.org(), "ACTIVATION_CODE_REVOKED", e.by(), e.code().toString(), null, null);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMPLETION, fallbackExecution = true)
    void on(ActivationCodeRefused e) {
        log.record(e.org(), "ACTIVATION_CODE_REFUSED", null, e.code() == null ? null : e.code().toString(), e.reason(),
                e.sourceIp());
    }

    @EventListener
    void on(DeviceRegistered e) {
        if (e.code() != null) {
            log.record(e.org(), "ACTIVATION_CODE_USED", null, e.code().toString(), "by device " + e.device(), e.sourceIp());
        }
        log.record(e.org(), "DEVICE_REGISTERED", null, e.device().toString(),
                e.kind() + (e.agent() == null ? "" : ", added by agent " + e.agent()), e.sourceIp());
    }

    @EventListener
    void on(DeviceUnregistered e) {
        log.record(e.org(), "DEVICE_UNREGISTERED", e.by(), e.device().toString(), null, null);
    }

    @EventListener
    void on(DeviceRemoved e) {
        log.record(e.org(), "DEVICE_REMOVED", e.by(), e.device().toString(), null, null);
    }

    @EventListener
    void on(DeviceCredentialRotated e) {
        log.record(e.org(), "DEVICE_CREDENTIAL_ROTATED", null, e.device().toString(), null, e.sourceIp());
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMPLETION, fallbackExecution = true)
    void on(DeviceCredentialRefused e) {
        log.record(null, "DEVICE_CREDENTIAL_REFUSED", null, null, e.reason(), e.sourceIp());
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMPLETION, fallbackExecution = true)
    void on(DeviceCredentialsThrottled e) {
        log.record(null, "DEVICE_CREDENTIALS_THROTTLED", null, null,
                "too many wrong device credentials from one source; device sign-ins from it refused for now", e.sourceIp());
    }

    /** In the login's transaction: recorded exactly when the session is. */
    @EventListener
    void on(DeviceLoginSucceeded e) {
        log.record(e.org(), "DEVICE_LOGIN_SUCCEEDED", e.user(), e.device().toString(), e.method(), null);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMPLETION, fallbackExecution = true)
    void on(DeviceLoginFailed e) {
        log.record(e.org(), "DEVICE_LOGIN_FAILED", e.user(), e.device().toString(), e.method() + ": " + e.reason(), null);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMPLETION, fallbackExecution = true)
    void on(DeviceLoginLocked e) {
        log.record(e.org(), "DEVICE_LOGIN_LOCKED", null, e.device().toString(), "PIN and card logins until " + e.until(), null);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMPLETION, fallbackExecution = true)
    void on(DeviceMisuse e) {
        log.record(e.org(), "DEVICE_MISUSE", e.person(), e.device() == null ? null : e.device().toString(), e.what(), e.sourceIp());
    }
}
