package org.opencps.identity.internal.credentials;

import org.opencps.identity.PinIssued;
import org.opencps.identity.internal.persistence.UserStore;
import org.opencps.platform.config.OpenCpsProperties;
import org.opencps.platform.mail.Mailer;
import org.opencps.tenancy.Organization;
import org.opencps.tenancy.Organizations;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells a person that an administrator gave them a new PIN, and where they alone can see it. The
 * PIN itself is never in the mail: the admin never sees it, and a mailbox is no place for it.
 */
@Component
class PinResetNotice {

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

    /**
     * After the new PIN committed. A mail that cannot be sent fails the delivery, which is retried
     * (see {@code UndeliveredEvents}); a person who is gone since is told nothing.
     */
    @ApplicationModuleListener
    void on(PinIssued e) {
        if (e.by().equals(e.user())) {
            return;
        }
        users.find(e.user()).ifPresent(owner -> {
            String admin = users.find(e.by()).map(by -> by.displayName() + " <" + by.email() + ">").orElse("an administrator");
            String organization = organizations.find(e.org()).map(Organization::name).orElse("your organization");
            mailer.send(owner.email(), "OpenCPS: you have a new PIN", """
                    Hello %s,

                    %s gave you a new PIN for the printers of %s. Your old PIN no longer works.
                    Only you can see the new one, after logging in to the portal: %s/pin

                    If you did not ask for this, tell your administrator.
                    """.formatted(owner.displayName(), admin, organization, publicUrl));
        });
    }
}
