package org.opencps.identity.internal.credentials;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.opencps.identity.CardRegistered;
import org.opencps.identity.PinIssued;
import org.opencps.identity.internal.persistence.UserStore;
import org.opencps.platform.config.PublicUrl;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.platform.mail.Mailer;
import org.opencps.tenancy.Organization;
import org.opencps.tenancy.Organizations;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells a person at once when someone else changed how they log in at printers: a new PIN, or an
 * ID card registered on their account. Who did it, in which organization, and where only they can
 * act on it; never the PIN, the card's number or its label (the registrar's own text). Sent after
 * the change committed; a mail that cannot be sent fails the delivery, which is retried (see
 * {@code UndeliveredEvents}), and a waiting card stays waiting meanwhile, shown to its owner in
 * the portal. A person who is gone since is told nothing.
 */
@Component
class CredentialNotices {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final UserStore users;
    private final Organizations organizations;
    private final Mailer mailer;
    private final PublicUrl publicUrl;

    CredentialNotices(UserStore users, Organizations organizations, Mailer mailer, PublicUrl publicUrl) {
        this.users = users;
        this.organizations = organizations;
        this.mailer = mailer;
        this.publicUrl = publicUrl;
    }

    @ApplicationModuleListener
    void on(CardRegistered e) {
        if (!e.pending()) {
            return;
        }
        users.find(e.user()).ifPresent(owner -> mailer.send(owner.email(),
                "OpenCPS: an ID card waits for your confirmation", """
                Hello %s,

                %s registered an ID card on your OpenCPS account in %s on %s.

                The card does not log anyone in as you until you confirm it. Confirm it only if
                you hold this card yourself: whoever holds a confirmed card can log in as you at
                the organization's printers and print your held jobs.
                - in the portal, under My ID cards: %s/cards
                - or at a printer: hold the card to the reader and enter your PIN with it.

                If you did not expect this card, remove it there and tell your administrator.
                """.formatted(owner.displayName(), who(e.by()), organizationName(e.org()), WHEN.format(e.at()), publicUrl.base())));
    }

    @ApplicationModuleListener
    void on(PinIssued e) {
        if (e.by().equals(e.user())) {
            return;
        }
        users.find(e.user()).ifPresent(owner -> mailer.send(owner.email(), "OpenCPS: you have a new PIN", """
                Hello %s,

                %s gave you a new PIN for the printers of %s. Your old PIN no longer works.
                Only you can see the new one, after logging in to the portal: %s/pin

                If you did not ask for this, tell your administrator.
                """.formatted(owner.displayName(), who(e.by()), organizationName(e.org()), publicUrl.base())));
    }

    private String who(UserId person) {
        return users.find(person).map(by -> by.displayName() + " <" + by.email() + ">").orElse("an administrator");
    }

    private String organizationName(OrgId org) {
        return organizations.find(org).map(Organization::name).orElse("your organization");
    }
}
