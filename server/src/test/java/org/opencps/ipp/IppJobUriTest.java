package org.opencps.ipp;

import static org.assertj.core.api.Assertions.assertThat;

import com.hp.jipp.encoding.IppPacket;
import com.hp.jipp.model.Operation;
import com.hp.jipp.model.Status;
import com.hp.jipp.model.Types;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.printing.PrintAdministration;
import org.opencps.printing.PrintSettings;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A job's URI (the queue's URI + "/" + job-id) takes requests as its queue's URI does (RFC 8011
 * §4.1.5), with the same credentials: the secret, or the queue owner's Basic sign-in. Nobody else
 * reaches a job through it.
 */
@IppServerTest
class IppJobUriTest {

    @LocalServerPort int port;
    @Autowired World world;
    @Autowired PrintQueues queues;
    @Autowired PrintAdministration printAdministration;

    final HttpClient http = HttpClient.newHttpClient();
    World.Person owner;
    World.Person stranger;
    String ownerSecretPath;
    String strangerSecretPath;

    @BeforeEach
    void twoPeople() {
        var org = world.customer(world.root(), Ipp.unique("Job Uri Co"));
        printAdministration.updateSettings(world.person(org, FixedRole.CUSTOMER_ADMIN).actor(), org, new PrintSettings(true));
        owner = world.person(org, FixedRole.CUSTOMER_USER);
        stranger = world.person(org, FixedRole.CUSTOMER_USER);
        ownerSecretPath = "/ipp/secret/" + queues.newSecret(owner.actor()).secret();
        strangerSecretPath = "/ipp/secret/" + queues.newSecret(stranger.actor()).secret();
    }

    @Test
    void theOwnerReadsAJobAtItsOwnUri() throws Exception {
        URI jobUri = printedJobUri();
        assertThat(jobUri.getPath()).matches("/ipp/secret/[A-Za-z0-9_-]{43}/[1-9][0-9]*");

        IppPacket answer = ipp(post(jobUri.getPath(), getJobAttributes(jobUri), null));
        assertThat(answer.getStatus()).isEqualTo(Status.successfulOk);
        assertThat(Ipp.job(answer).getValue(Types.jobUri)).isEqualTo(jobUri);

        String basic = "/ipp/print/" + queues.mine(owner.actor()).id() + "/" + Ipp.jobId(answer);
        URI basicJobUri = URI.create("ipp://127.0.0.1:" + port + basic);
        IppPacket overBasic = ipp(post(basic, getJobAttributes(basicJobUri), basic(owner)));
        assertThat(overBasic.getStatus()).isEqualTo(Status.successfulOk);
        assertThat(Ipp.job(overBasic).getValue(Types.jobUri)).isEqualTo(basicJobUri);
    }

    @Test
    void nobodyElseReachesTheJobThroughAJobUri() throws Exception {
        URI jobUri = printedJobUri();
        String number = jobUri.getPath().substring(jobUri.getPath().lastIndexOf('/') + 1);
        String ownerBasicPath = "/ipp/print/" + queues.mine(owner.actor()).id() + "/" + number;
        byte[] request = getJobAttributes(URI.create("ipp://127.0.0.1:" + port + ownerBasicPath));

        var anonymous = post(ownerBasicPath, request, null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(new String(anonymous.body(), StandardCharsets.ISO_8859_1)).doesNotContain(owner.email());

        var strangerSignedIn = post(ownerBasicPath, request, basic(stranger));
        assertThat(strangerSignedIn.statusCode()).isEqualTo(403);

        assertThat(post("/ipp/secret/" + "A".repeat(43) + "/" + number, request, null).statusCode()).isEqualTo(404);

        // the stranger's own secret with the owner's job URI: not a job of the stranger's queue
        IppPacket throughOwnQueue = ipp(post(strangerSecretPath + "/" + number, getJobAttributes(jobUri), null));
        assertThat(throughOwnQueue.getStatus()).isEqualTo(Status.clientErrorNotFound);
        assertThat(Ipp.job(throughOwnQueue)).isNull();
    }

    private URI printedJobUri() throws Exception {
        byte[] body = Ipp.bytes(Ipp.printJob("application/pdf").build(), Ipp.pdf(1));
        IppPacket printed = ipp(post(ownerSecretPath, body, null));
        assertThat(printed.getStatus()).isEqualTo(Status.successfulOk);
        return Ipp.job(printed).getValue(Types.jobUri);
    }

    private static byte[] getJobAttributes(URI jobUri) {
        var request = new IppPacket.Builder(Operation.getJobAttributes.getCode());
        request.setCode(Operation.getJobAttributes.getCode());
        request.setVersionNumber(0x0200);
        request.setRequestId(7);
        request.putOperationAttributes(Types.attributesCharset.of("utf-8"), Types.attributesNaturalLanguage.of("en"),
                Types.jobUri.of(jobUri), Types.requestingUserName.of("test"));
        return Ipp.bytes(request);
    }

    private HttpResponse<byte[]> post(String path, byte[] body, String authorization) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/ipp").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static IppPacket ipp(HttpResponse<byte[]> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        return Ipp.parse(response.body());
    }

    private static String basic(World.Person person) {
        return "Basic " + Base64.getEncoder().encodeToString((person.email() + ":" + World.PASSWORD).getBytes(StandardCharsets.UTF_8));
    }
}
