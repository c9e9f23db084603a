package org.opencps.platform.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.MimeMessageHelper;

/** Writes an {@link OutgoingMail} into a MIME message (multipart when it has attachments). */
final class MimeMails {

    private MimeMails() {
    }

    static void fill(MimeMessage message, String from, OutgoingMail mail) throws MessagingException {
        var helper = new MimeMessageHelper(message, !mail.attachments().isEmpty(), "UTF-8");
        helper.setFrom(from);
        helper.setTo(mail.to());
        helper.setSubject(mail.subject());
        helper.setText(mail.body(), false);
        for (OutgoingMail.Attachment attachment : mail.attachments()) {
            helper.addAttachment(attachment.fileName(), new ByteArrayResource(attachment.content()), attachment.contentType());
        }
        for (var header : mail.headers().entrySet()) {
            message.setHeader(header.getKey(), header.getValue());
        }
    }
}
