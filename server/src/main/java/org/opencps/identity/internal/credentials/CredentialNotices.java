package org.opencps.identity.internal.credentials;

import org.opencps.identity.CardRegistered;
import org.opencps.identity.Languages;
import org.opencps.identity.PinIssued;
import org.opencps.identity.internal.persistence.UserStore;
import org.opencps.platform.config.PublicUrl;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.platform.mail.MailTexts;
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

    private final UserStore users;
    private final Organizations organizations;
    private final MailTexts mails;
    private final Languages languages;
    private final PublicUrl publicUrl;

    CredentialNotices(UserStore users, Organizations organizations, MailTexts mails, Languages languages, PublicUrl publicUrl) {
        this.users = users;
        this.organizations = organizations;
        this.mails = mails;
        this.languages = languages;
        this.publicUrl = publicUrl;
    }

    @ApplicationModuleListener
    void on(CardRegistered e) {
        if (!e.pending()) {
            return;
        }
        users.find(e.user()).ifPresent(owner -> mails.send(owner.email(), languages.forMail(owner.id(), e.org()), "cardWaiting",
                owner.displayName(), who(e.by()), organizationName(e.org()), MailTexts.time(e.at(), organizations.timeZone(e.org())), publicUrl.base() + "/cards"));
    }

    @ApplicationModuleListener
    void on(PinIssued e) {
        if (e.by().equals(e.user())) {
            return;
        }
        users.find(e.user()).ifPresent(owner -> mails.send(owner.email(), languages.forMail(owner.id(), e.org()), "newPin",
                owner.displayName(), who(e.by()), organizationName(e.org()), publicUrl.base() + "/pin"));
    }

    private Object who(UserId person) {
        return users.find(person).<Object>map(by -> by.displayName() + " <" + by.email() + ">")
                .orElse(MailTexts.text("mail.someone.anAdministrator"));
    }

    private Object organizationName(OrgId org) {
        return organizations.find(org).<Object>map(Organization::name).orElse(MailTexts.text("mail.someone.yourOrganization"));
    }
}
