package org.opencps.identity.internal.credentials;

import org.opencps.identity.PinIssued;
import org.opencps.identity.User;
import org.opencps.identity.internal.persistence.UserStore;
import org.opencps.platform.config.OpenCpsProperties;
import org.opencps.platform.mail.Mailer;
import org.opencps.tenancy.Organization;
import org.opencps.tenancy.Organizations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tells a person that an administrator gave them a new PIN, and where they alone can see it. The
 * PIN itself is never in the mail: the admin never sees it, and a mailbox is no place for it.
 */
@Component
class PinResetNotice {

    private static final Logger log = LoggerFactory.getLogger(PinResetNotice.class);

    private final UserStore users;
    private final Organizations organizations;
    private final Mailer mailer;
    private final String publicUrl;

    PinResetNotice(UserStore users, Organizations organizations, Mailer mailer, OpenCpsProperties properties) {
        this.users = users;
        this.organizations = organizations;
        this.mailer = mailer;
        this.publicUrl = properties.publicUrl().toString().replaceAll("/+$", "");
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(PinIssued e) {
        if (e.by().equals(e.user())) {
            return;
        }
        try {
            User owner = users.find(e.user()).orElseThrow();
            String admin = users.find(e.by()).map(by -> by.displayName() + " <" + by.email() + ">").orElse("an administrator");
            String organization = organizations.find(e.org()).map(Organization::name).orElse("your organization");
            mailer.send(owner.email(), "OpenCPS: you have a new PIN", """
                    Hello %s,

                    %s gave you a new PIN for the printers of %s. Your old PIN no longer works.
                    Only you can see the new one, after logging in to the portal: %s/pin

                    If you did not ask for this, tell your administrator.
                    """.formatted(owner.displayName(), admin, organization, publicUrl));
        } catch (RuntimeException mailFailed) {
            log.warn("Could not tell {} about their new PIN: {}", e.user(), mailFailed.getMessage());
        }
    }
}
