package org.opencps.scanning.internal;

import java.util.Locale;
import org.opencps.identity.Languages;
import org.opencps.identity.Users;
import org.opencps.platform.config.PublicUrl;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.mail.MailAttachment;
import org.opencps.platform.mail.Mailer;
import org.opencps.platform.security.Actor;
import org.opencps.platform.text.Moments;
import org.opencps.scanning.Scan;
import org.opencps.tenancy.Organizations;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The mails of scanning, worded from the message files: a scan sent by e-mail (attached, or as a
 * link to My scans above the organization's attachment limit), and the notice that a scan could
 * not be delivered, each in its recipient's language. Links go to the portal's My scans page;
 * nothing in a mail logs anyone in.
 */
@Component
class ScanMail {

    private final Mailer mailer;
    private final MessageSource messages;
    private final Users users;
    private final Languages languages;
    private final PublicUrl publicUrl;
    private final Organizations organizations;

    ScanMail(Mailer mailer, MessageSource messages, Users users, Languages languages, PublicUrl publicUrl,
             Organizations organizations) {
        this.mailer = mailer;
        this.organizations = organizations;
        this.messages = messages;
        this.users = users;
        this.languages = languages;
        this.publicUrl = publicUrl;
    }

    String ownerAddress(OrgId org, Scan scan) {
        return users.me(new Actor(scan.owner(), org)).email();
    }

    void attached(String to, Scan scan, MailAttachment.Content content) {
        Locale language = languages.forMailTo(to, scan.orgId());
        mailer.send(to, text(language, "scanning.mail.scan.subject", scan.fileName()),
                text(language, "scanning.mail.scan.attached", scan.fileName(), scan.pages()),
                new MailAttachment(scan.fileName(), scan.format().mediaType(), content));
    }

    void linked(String to, Scan scan) {
        Locale language = languages.forMailTo(to, scan.orgId());
        mailer.send(to, text(language, "scanning.mail.scan.subject", scan.fileName()),
                text(language, "scanning.mail.scan.linked", scan.fileName(), scan.pages(), publicUrl.base() + "/scans/" + scan.id()));
    }

    void failed(Scan scan, String reason) {
        Locale language = languages.forMail(scan.owner(), scan.orgId());
        mailer.send(ownerAddress(scan.orgId(), scan), text(language, "scanning.mail.failed.subject", scan.fileName()),
                text(language, "scanning.mail.failed.body", scan.fileName(), reason == null ? "" : reason, publicUrl.base() + "/scans/" + scan.id(),
                        Moments.shown(scan.expiresAt(), organizations.timeZone(scan.orgId()), language)));
    }

    private String text(Locale language, String key, Object... arguments) {
        return messages.getMessage(key, arguments, language);
    }
}
