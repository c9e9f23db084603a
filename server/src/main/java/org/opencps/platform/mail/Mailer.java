package org.opencps.platform.mail;

/** Sends a plain-text e-mail: through SMTP when configured, otherwise to the log and the outbox folder. */
public interface Mailer {

    void send(String to, String subject, String body);

    /** Sends a mail with extra header fields and attachments. */
    void send(OutgoingMail mail);

    /** The same, with a file attached (streamed into the message as it is sent). */
    void send(String to, String subject, String body, MailAttachment attachment);
}
