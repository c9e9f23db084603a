package org.opencps.reporting.recipients.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opencps.platform.config.PublicUrl;
import org.opencps.platform.mail.Mailer;
import org.opencps.platform.mail.OutgoingMail;
import org.opencps.reporting.recipients.ReportRecipient;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Every mail to a report recipient, in its language: the confirmation request, and the reports.
 * Each carries the recipient's unsubscribe link in its text and as a one-click
 * {@code List-Unsubscribe} header (RFC 2369, RFC 8058), which works without a login.
 */
@Component
public class RecipientMails {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final Mailer mailer;
    private final MessageSource messages;
    private final UnsubscribeTokens unsubscribeTokens;
    private final PublicUrl publicUrl;

    RecipientMails(Mailer mailer, MessageSource messages, UnsubscribeTokens unsubscribeTokens, PublicUrl publicUrl) {
        this.mailer = mailer;
        this.messages = messages;
        this.unsubscribeTokens = unsubscribeTokens;
        this.publicUrl = publicUrl;
    }

    public void sendConfirmation(ReportRecipient recipient, String confirmToken, Instant expiresAt, String organization,
                                 String addedBy) {
        Locale locale = Locale.forLanguageTag(recipient.language());
        String subject = messages.getMessage("reportRecipient.confirm.subject", new Object[] {organization}, locale);
        String body = messages.getMessage("reportRecipient.confirm.body", new Object[] {addedBy, organization,
                publicUrl.base() + "/report-recipients/confirm/" + confirmToken, DAY.format(expiresAt)}, locale);
        send(recipient, subject, body, List.of());
    }

    /** A report, with its files, to a confirmed recipient. */
    public void sendReport(ReportRecipient recipient, String subject, String body, List<OutgoingMail.Attachment> files) {
        send(recipient, subject, body, files);
    }

    private void send(ReportRecipient recipient, String subject, String body, List<OutgoingMail.Attachment> files) {
        Locale locale = Locale.forLanguageTag(recipient.language());
        String token = unsubscribeTokens.tokenFor(recipient.orgId(), recipient.id());
        String footer = messages.getMessage("reportRecipient.footer",
                new Object[] {publicUrl.base() + "/report-recipients/unsubscribe/" + token}, locale);
        Map<String, String> headers = Map.of(
                "List-Unsubscribe", "<" + publicUrl.base() + "/api/v1/public/report-recipients/unsubscribe/" + token + ">",
                "List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        mailer.send(new OutgoingMail(recipient.email(), subject, body + "\n\n-- \n" + footer, headers, files));
    }
}
