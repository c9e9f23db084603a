package org.opencps.ipp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencps.testing.Eventually.eventually;

import com.hp.jipp.model.Operation;
import com.hp.jipp.model.Types;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.access.RoleRef;
import org.opencps.identity.Invitations;
import org.opencps.platform.config.PublicUrl;
import org.opencps.testing.Outbox;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A server started on a random port with no opencps.public-url (as {@link IppServerTest} starts
 * one) hands out addresses with the port it really listens on, not 8080: queue and secret URLs,
 * the Windows port name, the printer's more-info and icon, and links in e-mails.
 */
@IppServerTest
class PublicUrlFollowsThePortTest {

    @LocalServerPort int port;
    @Autowired World world;
    @Autowired PrintQueues queues;
    @Autowired Invitations invitations;
    @Autowired Outbox outbox;
    @Autowired PublicUrl publicUrl;

    @Test
    void everyAddressHandedOutCarriesTheListeningPort() throws Exception {
        assertThat(port).isNotEqualTo(8080);
        String base = "http://localhost:" + port;
        assertThat(publicUrl.configured()).isFalse();
        assertThat(publicUrl.base()).isEqualTo(base);

        var org = world.customer(world.root(), Ipp.unique("Port Co"));
        var person = world.person(org, FixedRole.CUSTOMER_USER);
        var setup = queues.setup(person.actor());
        assertThat(setup.printerUri()).isEqualTo("ipp://localhost:" + port + "/ipp/print/" + setup.queue().id());
        assertThat(setup.instructions().linux()).contains("ipp://localhost:" + port + "/ipp/print/");
        var secret = queues.newSecretSetup(person.actor());
        assertThat(secret.toString()).contains("ipp://localhost:" + port + "/ipp/secret/", base + "/ipp/secret/")
                .doesNotContain(":8080");

        var printer = Ipp.printer(getPrinterAttributes("/ipp/print/" + setup.queue().id()));
        assertThat(printer.getValue(Types.printerMoreInfo)).hasToString(base + "/");
        assertThat(printer.getValue(Types.printerIcons)).hasToString(base + "/ipp/icon.png");

        String invited = "invited-" + java.util.UUID.randomUUID() + "@example.com";
        invitations.invite(world.person(org, FixedRole.CUSTOMER_ADMIN).actor(), org, invited, Set.of(RoleRef.of(FixedRole.CUSTOMER_USER)));
        eventually(() -> assertThat(String.join("\n", outbox.messagesTo(invited)))
                .contains(base + "/invitations/inv_").doesNotContain(":8080"));
    }

    private com.hp.jipp.encoding.IppPacket getPrinterAttributes(String path) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/ipp")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Ipp.bytes(Ipp.request(Operation.getPrinterAttributes)))).build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            return Ipp.parse(http.send(request, HttpResponse.BodyHandlers.ofByteArray()).body());
        }
    }
}
