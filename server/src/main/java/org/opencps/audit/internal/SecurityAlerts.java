package org.opencps.audit.internal;

import org.opencps.audit.internal.persistence.AuditLog;
import org.opencps.devices.DeviceLoginsThrottled;
import org.opencps.identity.Languages;
import org.opencps.identity.LoginsThrottled;
import org.opencps.identity.Users;
import org.opencps.platform.mail.MailTexts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Brute-force detection: when logins from one source go over the limit, the audit trail records
 * it and the admins of the organizations of the account being tried are told by e-mail. The
 * refused request rolls back (or has no transaction), so this runs after it whatever its outcome:
 * the record in a transaction of its own, the mails outside any. Such an event is not kept for
 * retries (see {@link WhateverTheOutcome}): a mail that cannot be sent is logged.
 */
@Component
class SecurityAlerts {

    private static final Logger log = LoggerFactory.getLogger(SecurityAlerts.class);

    private final AuditLog audit;
    private final Users users;
    private final MailTexts mails;
    private final Languages languages;

    SecurityAlerts(AuditLog audit, Users users, MailTexts mails, Languages languages) {
        this.audit = audit;
        this.users = users;
        this.mails = mails;
        this.languages = languages;
    }

    @WhateverTheOutcome
    void on(LoginsThrottled e) {
        audit.record(null, "LOGINS_THROTTLED", null, e.lastEmailTried(), "too many login attempts from one source", e.sourceIp());
        try {
            for (String admin : users.adminAddressesAcrossOrganizationsOf(e.lastEmailTried())) {
                mails.send(admin, languages.forMailTo(admin), "loginsThrottled", e.sourceIp(), e.lastEmailTried());
            }
        } catch (RuntimeException mailFailed) {
            log.warn("Could not send the failed-login alert: {}", mailFailed.getMessage());
        }
    }

    /** PIN/card guessing across an organization's devices: recorded, and its admins are told. */
    @WhateverTheOutcome
    void on(DeviceLoginsThrottled e) {
        audit.record(e.org(), "DEVICE_LOGINS_THROTTLED", null, e.device().toString(),
                "too many failed PIN/card logins in the organization; PIN and card logins refused for now", null);
        try {
            for (String admin : users.adminAddressesOf(e.org())) {
                mails.send(admin, languages.forMailTo(admin, e.org()), "deviceLoginsThrottled", e.device().toString());
            }
        } catch (RuntimeException mailFailed) {
            log.warn("Could not send the device login alert: {}", mailFailed.getMessage());
        }
    }
}
