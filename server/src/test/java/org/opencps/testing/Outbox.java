package org.opencps.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.opencps.platform.config.DataDirectory;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.stereotype.Component;

/** Reads the mail the server wrote to its outbox (no SMTP configured). */
@Component
@TestComponent
public class Outbox {

    private final DataDirectory dataDirectory;

    Outbox(DataDirectory dataDirectory) {
        this.dataDirectory = dataDirectory;
    }

    public List<String> messagesTo(String address) throws IOException {
        Path folder = dataDirectory.root().resolve("mail-outbox");
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted(Comparator.comparing(Path::getFileName))
                    .map(Outbox::read)
                    .filter(text -> text.contains("\r\nTo: " + address + "\r\n"))
                    .toList();
        }
    }

    /** The first token with this prefix in the newest message to the address. */
    public String lastToken(String address, String prefix) throws IOException {
        List<String> messages = messagesTo(address);
        if (messages.isEmpty()) {
            throw new AssertionError("no mail to " + address);
        }
        Matcher matcher = Pattern.compile(Pattern.quote(prefix) + "[A-Za-z0-9_-]+").matcher(messages.getLast());
        if (!matcher.find()) {
            throw new AssertionError("no " + prefix + " token in the mail to " + address);
        }
        return matcher.group();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
