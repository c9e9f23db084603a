package org.opencps.audit.internal;

import org.opencps.identity.IdentityEvents.LoginsThrottled;
import org.opencps.identity.Users;
import org.opencps.platform.mail.Mailer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Brute-force detection: when logins from one source go over the limit, the audit trail records
 * it and the admins of the organizations of the account being tried are told by e-mail. The
 * refused request rolls back, so this runs after it, in a transaction of its own.
 */
@Component
class SecurityAlerts {

    private static final Logger log = LoggerFactory.getLogger(SecurityAlerts.class);

    private final AuditLog audit;
    private final Users users;
    private final Mailer mailer;

    SecurityAlerts(AuditLog audit, Users users, Mailer mailer) {
        this.audit = audit;
        this.users = users;
        this.mailer = mailer;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMPLETION, fallbackExecution = true)
    void on(LoginsThrottled e) {
        audit.record(null, "LOGINS_THROTTLED", null, e.lastEmailTried(), "too many login attempts from one source", e.sourceIp());
        try {
            for (String admin : users.adminAddressesAcrossOrganizationsOf(e.lastEmailTried())) {
                mailer.send(admin, "OpenCPS: many failed logins", """
                        Logins from the address %s went over the rate limit while trying the account %s.
                        Its further attempts are being slowed down. If this was not one of your people,
                        someone may be guessing passwords; check the audit trail.
                        """.formatted(e.sourceIp(), e.lastEmailTried()));
            }
        } catch (RuntimeException mailFailed) {
            log.warn("Could not send the failed-login alert: {}", mailFailed.getMessage());
        }
    }
}
