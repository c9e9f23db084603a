package org.opencps.devices.internal;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.opencps.devices.CardAddedAtDevice;
import org.opencps.devices.internal.persistence.DeviceRow;
import org.opencps.devices.internal.persistence.DeviceStore;
import org.opencps.identity.User;
import org.opencps.identity.Users;
import org.opencps.platform.config.PublicUrl;
import org.opencps.platform.errors.NotFoundException;
import org.opencps.platform.mail.Mailer;
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

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final DeviceStore devices;
    private final Users users;
    private final Organizations organizations;
    private final Mailer mailer;
    private final PublicUrl publicUrl;

    CardAddedNotice(DeviceStore devices, Users users, Organizations organizations, Mailer mailer, PublicUrl publicUrl) {
        this.devices = devices;
        this.users = users;
        this.organizations = organizations;
        this.mailer = mailer;
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
        String organization = organizations.find(e.org()).map(Organization::name).orElse("your organization");
        String printer = devices.find(e.org(), e.device()).map(CardAddedNotice::describe).orElse("a printer");
        mailer.send(owner.email(), "OpenCPS: an ID card was added to your account", """
                Hello %s,

                An ID card was added to your OpenCPS account in %s at the printer %s
                on %s, by someone logged in there as you. Whoever holds that card can now log in
                as you at the organization's printers and print your held jobs.

                If this was you, there is nothing to do.

                If it was not you:
                - remove the card at once under My ID cards: %s/cards (it is listed with the time above);
                - change your password (%s/account) and tell your administrator, who can also
                  give you a new PIN: someone logged in as you at that printer.
                """.formatted(owner.displayName(), organization, printer, WHEN.format(e.at()), publicUrl.base(), publicUrl.base()));
    }

    private static String describe(DeviceRow printer) {
        String location = printer.location() == null || printer.location().isBlank() ? "" : " (" + printer.location() + ")";
        return "\"" + printer.name() + "\"" + location;
    }
}
