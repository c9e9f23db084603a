package org.opencps.testing.peers;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real SMTP server (GreenMail) on a free loopback port, for tests of the mail the server sends.
 * A test class keeps one in a static field, hands it to Spring with {@link #configure} from its
 * {@code @DynamicPropertySource} method (which gives the class a context of its own) and stops it
 * in {@code @AfterAll}.
 */
public final class SmtpServer {

    private final GreenMail greenMail;

    private SmtpServer(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    public static SmtpServer start() {
        try (var probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            var smtp = new GreenMail(new ServerSetup(probe.getLocalPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            probe.close();
            smtp.start();
            return new SmtpServer(smtp);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Points the server under test at this SMTP server. */
    public void configure(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> greenMail.getSmtp().getPort());
    }

    /** The port it listens on (127.0.0.1), for servers started outside Spring's test context. */
    public int port() {
        return greenMail.getSmtp().getPort();
    }

    public MimeMessage[] received() {
        return greenMail.getReceivedMessages();
    }

    /** The messages delivered to this address so far, oldest first. */
    public List<MimeMessage> messagesTo(String address) throws MessagingException {
        var found = new ArrayList<MimeMessage>();
        for (MimeMessage message : received()) {
            for (var recipient : message.getRecipients(Message.RecipientType.TO)) {
                if (((InternetAddress) recipient).getAddress().equalsIgnoreCase(address)) {
                    found.add(message);
                }
            }
        }
        return found;
    }

    public void stop() {
        greenMail.stop();
    }
}
