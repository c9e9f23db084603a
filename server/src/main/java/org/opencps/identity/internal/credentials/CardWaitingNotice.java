package org.opencps.identity.internal.credentials;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.opencps.identity.CardRegistered;
import org.opencps.identity.internal.persistence.UserStore;
import org.opencps.platform.config.OpenCpsProperties;
import org.opencps.platform.mail.Mailer;
import org.opencps.tenancy.Organization;
import org.opencps.tenancy.Organizations;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells a person at once that someone else registered an ID card on their account: who, in which
 * organization, when, that it logs nobody in until they confirm it, and how to refuse it. Never the
 * number nor the label (the registrar's own text). Sent after the card committed; a mail that
 * cannot be sent fails the delivery, which is retried (see {@code UndeliveredEvents}), and the card
 * stays waiting meanwhile, shown to its owner in the portal. A person who is gone since is told
 * nothing.
 */
@Component
class CardWaitingNotice {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final UserStore users;
    private final Organizations organizations;
    private final Mailer mailer;
    private final String publicUrl;

    CardWaitingNotice(UserStore users, Organizations organizations, Mailer mailer, OpenCpsProperties properties) {
        this.users = users;
        this.organizations = organizations;
        this.mailer = mailer;
        this.publicUrl = properties.publicUrl().toString().replaceAll("/+$", "");
    }

    @ApplicationModuleListener
    void on(CardRegistered e) {
        if (!e.pending()) {
            return;
        }
        users.find(e.user()).ifPresent(owner -> {
            String registrar = users.find(e.by()).map(by -> by.displayName() + " <" + by.email() + ">").orElse("an administrator");
            String organization = organizations.find(e.org()).map(Organization::name).orElse("your organization");
            mailer.send(owner.email(), "OpenCPS: an ID card waits for your confirmation", """
                    Hello %s,

                    %s registered an ID card on your OpenCPS account in %s on %s.

                    The card does not log anyone in as you until you confirm it. Confirm it only if
                    you hold this card yourself: whoever holds a confirmed card can log in as you at
                    the organization's printers and print your held jobs.
                    - in the portal, under My ID cards: %s/cards
                    - or at a printer: hold the card to the reader and enter your PIN with it.

                    If you did not expect this card, remove it there and tell your administrator.
                    """.formatted(owner.displayName(), registrar, organization, WHEN.format(e.at()), publicUrl));
        });
    }
}
