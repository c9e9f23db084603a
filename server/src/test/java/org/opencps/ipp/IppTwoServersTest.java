package org.opencps.ipp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencps.testing.Eventually.eventually;

import com.hp.jipp.encoding.IppPacket;
import com.hp.jipp.model.Operation;
import com.hp.jipp.model.Types;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.devices.ActivationCodes;
import org.opencps.devices.DeviceRegistrations;
import org.opencps.devices.RegisteredDevice;
import org.opencps.identity.ApiTokens;
import org.opencps.platform.ids.OrgId;
import org.opencps.printing.DocumentFormat;
import org.opencps.printing.JobTicket;
import org.opencps.printing.PrintJob;
import org.opencps.printing.PrintJobs;
import org.opencps.printing.PrintReleases;
import org.opencps.printing.ReleaseOptions;
import org.opencps.testing.TwoServers;
import org.opencps.testing.World;

/**
 * IPP on two server processes sharing one PostgreSQL: a proxy waiting (notify-wait) on one is woken
 * by a release on the other, and a token revoked on one stops working on the other although that
 * one had it in its credential cache. The wait is ten minutes here, the cache's life a minute:
 * without the signals between the processes neither would happen within the tests' bounds.
 */
class IppTwoServersTest {

    private static TwoServers servers;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void twoServers() throws Exception {
        servers = TwoServers.start("ipp", "opencps.ipp.infra.notify-wait", "10m");
    }

    @AfterAll
    static void stop() {
        servers.close();
    }

    @Test
    void aReleaseOnOneProcessWakesAProxyWaitingOnTheOther() throws Exception {
        World world = servers.a.world();
        OrgId org = world.customer(world.root(), Ipp.unique("Two servers Infra Co"));
        World.Person person = world.person(org, FixedRole.CUSTOMER_USER);
        RegisteredDevice printer = InfraCalls.register(world, servers.a.bean(ActivationCodes.class),
                servers.a.bean(DeviceRegistrations.class), org, "Lobby");
        InfraCalls onB = new InfraCalls(servers.b.port());
        int subscription = InfraCalls.subscriptionId(onB.subscribe(printer.deviceId(), printer.credential(), 3600));
        var wait = onB.request(Operation.getNotifications, printer.deviceId()).putOperationAttributes(
                Types.notifySubscriptionIds.of(subscription), Types.notifyWait.of(true));
        var active = servers.b.bean(MeterRegistry.class);

        CompletableFuture<IppPacket> answer = CompletableFuture.supplyAsync(() -> onB.call(printer.deviceId(), printer.credential(), wait));
        eventually(() -> assertThat(active.find("http.server.requests.active").longTaskTimers())
                .as("the proxy's request is waiting on B").anySatisfy(timer -> assertThat(timer.activeTasks()).isPositive()));
        released(person, printer);

        IppPacket events = answer.get(2, TimeUnit.MINUTES);
        assertThat(InfraCalls.events(events)).singleElement()
                .satisfies(event -> assertThat(event.getValue(Types.notifySubscribedEvent)).isEqualTo("job-fetchable"));
    }

    @Test
    void aProxyHearsEachEventOnceUnderOneNumberWhicheverProcessAnswers() throws Exception {
        World world = servers.a.world();
        OrgId org = world.customer(world.root(), Ipp.unique("Two servers Events Co"));
        World.Person person = world.person(org, FixedRole.CUSTOMER_USER);
        RegisteredDevice printer = InfraCalls.register(world, servers.a.bean(ActivationCodes.class),
                servers.a.bean(DeviceRegistrations.class), org, "Events");
        InfraCalls onA = new InfraCalls(servers.a.port());
        InfraCalls onB = new InfraCalls(servers.b.port());
        int subscription = InfraCalls.subscriptionId(onA.subscribe(printer.deviceId(), printer.credential(), 3600));
        released(person, printer);

        var heardOnA = InfraCalls.events(onA.notifications(printer.deviceId(), printer.credential(), subscription, 1));
        var heardOnB = InfraCalls.events(onB.notifications(printer.deviceId(), printer.credential(), subscription, 1));

        assertThat(heardOnA).singleElement();
        int sequence = heardOnA.getFirst().getValue(Types.notifySequenceNumber);
        assertThat(heardOnB).as("the same event under the same number on B").singleElement()
                .satisfies(event -> assertThat(event.getValue(Types.notifySequenceNumber)).isEqualTo(sequence));
        assertThat(InfraCalls.events(onB.notifications(printer.deviceId(), printer.credential(), subscription, sequence + 1)))
                .as("nothing new after it on B").isEmpty();
    }

    @Test
    void aTokenRevokedOnOneProcessStopsWorkingOnTheOtherThatHadItCached() throws Exception {
        World world = servers.a.world();
        OrgId org = world.customer(world.root(), Ipp.unique("Two servers Token Co"));
        World.Person person = world.person(org, FixedRole.CUSTOMER_USER);
        ApiTokens tokens = servers.a.bean(ApiTokens.class);
        var token = tokens.create(person.actor(), "laptop", 30);
        String path = "/ipp/print/" + servers.a.bean(PrintQueues.class).mine(person.actor()).id();
        String basic = Ipp.basic(person.email(), token.secret());
        assertThat(getPrinterAttributes(servers.b.port(), path, basic)).isEqualTo(200);
        assertThat(getPrinterAttributes(servers.a.port(), path, basic)).isEqualTo(200);

        tokens.revoke(person.actor(), token.token().id());

        assertThat(getPrinterAttributes(servers.a.port(), path, basic)).isEqualTo(401);
        eventually(() -> assertThat(getPrinterAttributes(servers.b.port(), path, basic)).isEqualTo(401));
    }

    private void released(World.Person person, RegisteredDevice printer) throws Exception {
        var ticket = new JobTicket("two servers", DocumentFormat.PDF, 1, null, null, null, JobTicket.Source.API);
        PrintJob job = servers.a.bean(PrintJobs.class).submit(person.actor(), ticket, new ByteArrayInputStream(Ipp.pdf(1)));
        servers.a.bean(PrintReleases.class).release(person.actor(), job.id(), printer.deviceId(), new ReleaseOptions(null, null, null));
    }

    private int getPrinterAttributes(int port, String path, String basic) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/ipp").header("Authorization", basic)
                .POST(HttpRequest.BodyPublishers.ofByteArray(Ipp.bytes(Ipp.request(Operation.getPrinterAttributes)))).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
