package org.opencps.platform.mail;

import java.io.IOException;
import java.io.InputStream;

/**
 * A file attached to an e-mail, read as the message is written out (never held whole by the
 * mailer): {@code content} is opened once per sending.
 */
public record MailAttachment(String fileName, String contentType, Content content) {

    @FunctionalInterface
    public interface Content {
        InputStream open() throws IOException;
    }
}
