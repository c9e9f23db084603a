package org.opencps.platform.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import org.opencps.platform.config.DataDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Used when no SMTP server is configured: each message goes to the log and, as an .eml file, to
 * the data directory's mail-outbox folder, so invitations and reset links still reach a trial user.
 */
final class OutboxMailer implements Mailer {

    private static final Logger log = LoggerFactory.getLogger(OutboxMailer.class);

    private final DataDirectory dataDirectory;
    private final String from;

    OutboxMailer(DataDirectory dataDirectory, String from) {
        this.dataDirectory = dataDirectory;
        this.from = from;
        log.warn("No SMTP server configured (spring.mail.host): e-mail goes to the log and to {}",
                dataDirectory.root().resolve("mail-outbox"));
    }

    @Override
    public void send(String to, String subject, String body) {
        Path outbox = dataDirectory.privateFolder("mail-outbox");
        String message = "From: " + from + "\r\nTo: " + to + "\r\nSubject: " + subject
                + "\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n" + body + "\r\n";
        Path file = outbox.resolve(Instant.now().toEpochMilli() + "-" + UUID.randomUUID() + ".eml");
        try {
            Files.writeString(file, message, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to the mail outbox " + outbox, e);
        }
        log.info("E-mail (no SMTP configured) to {}: {}\n{}", to, subject, body);
    }
}
