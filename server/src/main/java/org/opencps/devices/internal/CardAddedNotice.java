package org.opencps.devices.internal;

import org.opencps.devices.CardAddedAtDevice;
import org.opencps.devices.internal.persistence.DeviceRow;
import org.opencps.devices.internal.persistence.DeviceStore;
import org.opencps.identity.Languages;
import org.opencps.identity.User;
import org.opencps.identity.Users;
import org.opencps.platform.config.PublicUrl;
import org.opencps.platform.errors.NotFoundException;
import org.opencps.platform.mail.MailTexts;
import org.opencps.platform.security.Actor;
import org.opencps.tenancy.Organization;
import org.opencps.tenancy.Organizations;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells a person by e-mail that an ID card was added to their account at a printer: whoever was
 * logged in there as them can now log in with that card. Which printer and when, never any part
 * of the card number (the portal lists cards by label only), nor the label, which whoever added
 * the card chose. Sent after the card committed; a mail that cannot be sent fails the delivery,
 * which is retried (see {@code UndeliveredEvents}); the card stays added. A person who is gone
 * since is told nothing.
 */
@Component
class CardAddedNotice {

    private final DeviceStore devices;
    private final Users users;
    private final Organizations organizations;
    private final MailTexts mails;
    private final Languages languages;
    private final PublicUrl publicUrl;

    CardAddedNotice(DeviceStore devices, Users users, Organizations organizations, MailTexts mails, Languages languages,
                    PublicUrl publicUrl) {
        this.devices = devices;
        this.users = users;
        this.organizations = organizations;
        this.mails = mails;
        this.languages = languages;
        this.publicUrl = publicUrl;
    }

    @ApplicationModuleListener
    void on(CardAddedAtDevice e) {
        User owner;
        try {
            owner = users.me(new Actor(e.user(), e.org()));
        } catch (NotFoundException goneSince) {
            return;
        }
        Object organization = organizations.find(e.org()).<Object>map(Organization::name)
                .orElse(MailTexts.text("mail.someone.yourOrganization"));
        Object printer = devices.find(e.org(), e.device()).<Object>map(CardAddedNotice::describe)
                .orElse(MailTexts.text("mail.someone.aPrinter"));
        mails.send(owner.email(), languages.forMail(owner.id(), e.org()), "cardAddedAtDevice", owner.displayName(), organization, printer,
                MailTexts.time(e.at(), organizations.timeZone(e.org())), publicUrl.base() + "/cards", publicUrl.base() + "/account");
    }

    private static String describe(DeviceRow printer) {
        String location = printer.location() == null || printer.location().isBlank() ? "" : " (" + printer.location() + ")";
        return "\"" + printer.name() + "\"" + location;
    }
}
