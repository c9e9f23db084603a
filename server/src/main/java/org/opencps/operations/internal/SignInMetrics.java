package org.opencps.operations.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.Map;
import org.opencps.devices.DeviceLogin;
import org.opencps.devices.DeviceLoginFailed;
import org.opencps.devices.DeviceLoginLocked;
import org.opencps.identity.AccountLocked;
import org.opencps.identity.LoginFailed;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins and lockouts: with a password (portal, API), and with a PIN or card at a
 * printer. A failure is counted whether or not its request's transaction commits (a refused
 * request rolls back; the failure happened all the same).
 */
@Component
class SignInMetrics {

    /** Password failures by the reason identity gives; any other text is "other", so the tag stays bounded. */
    private static final Map<String, String> PASSWORD_REASONS = Map.of(
            "unknown account or no password", "unknown_account",
            "account locked", "locked",
            "wrong password", "wrong_password",
            "e-mail address not verified", "email_not_verified");

    private final MeterRegistry registry;

    SignInMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (String reason : PASSWORD_REASONS.values()) {
            failure("password", reason);
        }
        for (DeviceLogin.Method method : DeviceLogin.Method.values()) {
            failure("device_" + method.name().toLowerCase(Locale.ROOT), "refused");
        }
        lockout("password");
        lockout("device");
    }

    @EventListener
    void on(LoginFailed e) {
        failure("password", PASSWORD_REASONS.getOrDefault(e.reason(), "other")).increment();
    }

    @EventListener
    void on(DeviceLoginFailed e) {
        failure("device_" + methodTag(e.method()), "refused").increment();
    }

    @EventListener
    void on(AccountLocked e) {
        lockout("password").increment();
    }

    @EventListener
    void on(DeviceLoginLocked e) {
        lockout("device").increment();
    }

    private static String methodTag(String method) {
        for (DeviceLogin.Method known : DeviceLogin.Method.values()) {
            if (known.name().equals(method)) {
                return known.name().toLowerCase(Locale.ROOT);
            }
        }
        return "other";
    }

    private Counter failure(String method, String reason) {
        return Counter.builder("opencps.signin.failures").description("Failed sign-ins, by how and why")
                .tag("method", method).tag("reason", reason).register(registry);
    }

    private Counter lockout(String method) {
        return Counter.builder("opencps.signin.lockouts").description("Sign-ins locked after repeated failures")
                .tag("method", method).register(registry);
    }
}
