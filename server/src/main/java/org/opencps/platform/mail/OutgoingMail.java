package org.opencps.platform.mail;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A plain-text e-mail with extra header fields (for example {@code List-Unsubscribe}) and files
 * attached to it. Header names are the sender's to choose; values must not hold line breaks.
 */
public record OutgoingMail(String to, String subject, String body, Map<String, String> headers, List<Attachment> attachments) {

    public OutgoingMail {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
        headers = Map.copyOf(headers);
        attachments = List.copyOf(attachments);
        for (var header : headers.entrySet()) {
            if (header.getKey().matches(".*[\\r\\n:].*") || header.getValue().matches("(?s).*[\\r\\n].*")) {
                throw new IllegalArgumentException("a header field may not contain line breaks: " + header.getKey());
            }
        }
    }

    /** A file attached to a mail: its name, its media type and its bytes. */
    public record Attachment(String fileName, String contentType, byte[] content) {

        public Attachment {
            Objects.requireNonNull(fileName, "fileName");
            Objects.requireNonNull(contentType, "contentType");
            content = content.clone();
        }

        @Override
        public byte[] content() {
            return content.clone();
        }
    }
}
