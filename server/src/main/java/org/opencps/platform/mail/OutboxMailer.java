package org.opencps.platform.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.opencps.platform.config.DataDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Used when no SMTP server is configured: each message goes, as an .eml file readable by the
 * server's account only, to the data directory's mail-outbox folder, so invitations and reset
 * links still reach a trial user. The log names the recipient, subject and file only: a body may
 * carry a link that logs in or sets a password, and logs are read and kept more widely.
 */
final class OutboxMailer implements Mailer {

    private static final Logger log = LoggerFactory.getLogger(OutboxMailer.class);

    private final DataDirectory dataDirectory;
    private final String from;

    OutboxMailer(DataDirectory dataDirectory, String from) {
        this.dataDirectory = dataDirectory;
        this.from = from;
        log.warn("No SMTP server configured (spring.mail.host): e-mail goes to {}",
                dataDirectory.root().resolve("mail-outbox"));
    }

    @Override
    public void send(String to, String subject, String body) {
        String message = "From: " + from + "\r\nTo: " + to + "\r\nSubject: " + encodedHeader(subject)
                + "\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n" + body + "\r\n";
        write(to, subject, message.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void send(OutgoingMail mail) {
        var message = new MimeMessage(Session.getInstance(new Properties()));
        var bytes = new ByteArrayOutputStream();
        try {
            MimeMails.fill(message, from, mail);
            message.writeTo(bytes);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("cannot write the mail to " + mail.to(), e);
        }
        write(mail.to(), mail.subject(), bytes.toByteArray());
    }

    private void write(String to, String subject, byte[] message) {
        Path outbox = dataDirectory.privateFolder("mail-outbox");
        Path file = newFile(outbox);
        try {
            Files.write(file, message);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to the mail outbox " + outbox, e);
        }
        log.info("E-mail (no SMTP configured) to {}: {} (in {})", to, subject, file.getFileName());
    }

    /** A header in ASCII as RFC 2047 wants it, so that mail programs show a German or Japanese subject. */
    private static String encodedHeader(String text) {
        try {
            return MimeUtility.encodeText(text, "UTF-8", "B");
        } catch (UnsupportedEncodingException cannotHappen) {
            throw new IllegalStateException(cannotHappen);
        }
    }

    /** A MIME message with the attachment, streamed into the .eml file. */
    @Override
    public void send(String to, String subject, String body, MailAttachment attachment) {
        Path outbox = dataDirectory.privateFolder("mail-outbox");
        Path file = newFile(outbox);
        try (var out = Files.newOutputStream(file)) {
            var mime = new MimeMessage(Session.getInstance(new Properties()));
            var helper = new MimeMessageHelper(mime, true, "UTF-8");
            helper.setFrom(from);
            helper.setTo(to);
            helper.setSubject(subject);
            helper.setText(body);
            helper.addAttachment(attachment.fileName(), attachment.content()::open, attachment.contentType());
            mime.writeTo(out);
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException("cannot write to the mail outbox " + outbox, e);
        }
        log.info("E-mail (no SMTP configured) to {}: {} with an attachment (in {})", to, subject, file.getFileName());
    }

    private static Path newFile(Path outbox) {
        Path file = outbox.resolve(Instant.now().toEpochMilli() + "-" + UUID.randomUUID() + ".eml");
        try {
            if (Files.getFileStore(outbox).supportsFileAttributeView("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to the mail outbox " + outbox, e);
        }
        return file;
    }
}
