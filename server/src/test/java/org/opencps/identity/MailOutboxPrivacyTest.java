package org.opencps.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.opencps.testing.Api.json;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opencps.access.FixedRole;
import org.opencps.platform.config.DataDirectory;
import org.opencps.testing.Altchas;
import org.opencps.testing.Api;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.Outbox;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Without an SMTP server, mail goes to the outbox folder only: the log names recipient and
 * subject, never the body with its reset link, and the .eml file is readable by the server's
 * account alone.
 */
@OpenCpsTest
@ExtendWith(OutputCaptureExtension.class)
class MailOutboxPrivacyTest {

    @Autowired MockMvc mvc;
    @Autowired World world;
    @Autowired Outbox outbox;
    @Autowired DataDirectory dataDirectory;

    @Test
    void aResetMailsLinkIsNotLoggedButItsRecipientAndSubjectAre(CapturedOutput output) throws Exception {
        var person = world.person(world.customer(world.root(), "Mail Log Co"), FixedRole.CUSTOMER_USER);
        requestReset(person.email());

        String token = outbox.lastToken(person.email(), "rst_");
        assertThat(output.getAll()).contains(person.email()).contains("Reset your OpenCPS password")
                .doesNotContain(token).doesNotContain("/reset-password");
    }

    @Test
    void theMailFileIsReadableByTheServersAccountOnly() throws Exception {
        var person = world.person(world.customer(world.root(), "Mail File Co"), FixedRole.CUSTOMER_USER);
        requestReset(person.email());

        Path file = outboxFileTo(person.email());
        assumeTrue(Files.getFileStore(file).supportsFileAttributeView("posix"), "POSIX file permissions");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    private void requestReset(String email) throws Exception {
        String challenge = mvc.perform(get("/api/v1/auth/challenge")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        mvc.perform(json(post("/api/v1/auth/password-reset").with(Api.fromOwnAddress()),
                "{\"email\":\"" + email + "\",\"altcha\":\"" + Altchas.solve(challenge) + "\"}"))
                .andExpect(status().isAccepted());
    }

    private Path outboxFileTo(String address) throws Exception {
        try (Stream<Path> files = Files.list(dataDirectory.root().resolve("mail-outbox"))) {
            List<Path> to = files.filter(path -> read(path).contains("\r\nTo: " + address + "\r\n")).toList();
            assertThat(to).hasSize(1);
            return to.getFirst();
        }
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
