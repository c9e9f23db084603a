package org.opencps.ipp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hp.jipp.encoding.IppPacket;
import com.hp.jipp.encoding.Tag;
import com.hp.jipp.model.JobState;
import com.hp.jipp.model.Operation;
import com.hp.jipp.model.PrinterXriSupported;
import com.hp.jipp.model.Status;
import com.hp.jipp.model.Types;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencps.access.FixedRole;
import org.opencps.devices.ActivationCodes;
import org.opencps.devices.DeviceRegistrations;
import org.opencps.devices.RegisteredDevice;
import org.opencps.ipp.InfraCalls.Answer;
import org.opencps.platform.errors.NotFoundException;
import org.opencps.platform.ids.OrgId;
import org.opencps.printing.DocumentFormat;
import org.opencps.printing.JobTicket;
import org.opencps.printing.PrintJob;
import org.opencps.printing.PrintJobs;
import org.opencps.printing.PrintReleases;
import org.opencps.printing.ReleaseOptions;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * OpenCPS as an IPP INFRA Infrastructure Printer (PWG 5100.18): a proxy holding a printer's device
 * credential learns of the jobs released to that printer, takes one, fetches its document and
 * reports it printed, with CUPS's ipptool as the proxy and with our own requests for the bytes.
 */
@IppServerTest
class InfraProxyTest {

    static final Path IPPTOOL = Path.of("/usr/bin/ipptool");

    @LocalServerPort int port;
    @Autowired World world;
    @Autowired ActivationCodes activationCodes;
    @Autowired DeviceRegistrations registrations;
    @Autowired PrintJobs printJobs;
    @Autowired PrintReleases releases;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @TempDir Path work;

    OrgId org;
    World.Person person;
    RegisteredDevice printer;
    InfraCalls calls;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void aPrinterAndAPerson() {
        calls = new InfraCalls(port);
        org = world.customer(world.root(), Ipp.unique("Infra Co"));
        person = world.person(org, FixedRole.CUSTOMER_USER);
        printer = register(org, "Second floor");
    }

    @Test
    void ipptoolAsTheProxyFetchesTakesAndCompletesAReleasedJob() throws Exception {
        PrintJob job = releasedJob(printer, 3, 2);
        Files.copy(InfraProxyTest.class.getResourceAsStream("/ipp/infra-proxy.test"), work.resolve("infra-proxy.test"));
        String uri = "ipp://proxy:" + printer.credential() + "@127.0.0.1:" + port + "/ipp/infra/" + printer.deviceId();

        Process process = new ProcessBuilder(IPPTOOL.toString(), "-tv", "-T", "30", "-d", "uuid=urn:uuid:" + printer.deviceId(),
                uri, work.resolve("infra-proxy.test").toString()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();

        assertThat(output).as(output).contains("[PASS]").doesNotContain("[FAIL]");
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(printJobs.get(person.actor(), job.id()).state()).isEqualTo(PrintJob.State.COMPLETED);
        assertThatThrownBy(() -> printJobs.document(person.actor(), job.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void theFetchedDocumentIsTheOneSubmittedAndAnAbortedJobIsHeldAgain() throws Exception {
        byte[] pdf = Ipp.pdf(2);
        PrintJob job = releasedJob(printer, pdf, 1);
        int number = onlyFetchableJob(printer);

        assertThat(Ipp.status(call(printer, request(Operation.fetchJob, number)).packet())).isEqualTo(Status.successfulOk);
        assertThat(Ipp.status(call(printer, request(Operation.acknowledgeJob, number)).packet())).isEqualTo(Status.successfulOk);
        Answer document = call(printer, request(Operation.fetchDocument, number).putOperationAttributes(Types.documentNumber.of(1)));
        assertThat(Ipp.status(document.packet())).isEqualTo(Status.successfulOk);
        assertThat(document.data()).isEqualTo(pdf);

        var aborted = request(Operation.updateJobStatus, number)
                .putJobAttributes(Types.outputDeviceJobState.of(JobState.aborted));
        assertThat(Ipp.status(call(printer, aborted).packet())).isEqualTo(Status.successfulOk);
        assertThat(printJobs.get(person.actor(), job.id()).state()).isEqualTo(PrintJob.State.HELD);
        assertThat(fetchable(printer)).isEmpty();
    }

    @Test
    void aPrinterSeesOnlyTheJobsReleasedToIt() throws Exception {
        RegisteredDevice other = register(org, "Third floor");
        releasedJob(other, 1, 1);
        int theirs = onlyFetchableJob(other);

        assertThat(fetchable(printer)).isEmpty();
        assertThat(Ipp.status(call(printer, request(Operation.fetchJob, theirs)).packet())).isEqualTo(Status.clientErrorNotFound);
        assertThat(Ipp.status(call(other, request(Operation.fetchJob, theirs)).packet())).isEqualTo(Status.successfulOk);
    }

    @Test
    void aJobIsTakenOnce() throws Exception {
        releasedJob(printer, 1, 1);
        int number = onlyFetchableJob(printer);

        assertThat(Ipp.status(call(printer, request(Operation.acknowledgeJob, number)).packet())).isEqualTo(Status.successfulOk);
        assertThat(Ipp.status(call(printer, request(Operation.acknowledgeJob, number)).packet())).isEqualTo(Status.clientErrorNotFetchable);
        assertThat(Ipp.status(call(printer, request(Operation.fetchJob, number)).packet())).isEqualTo(Status.clientErrorNotFetchable);
    }

    @Test
    void aWaitingGetNotificationsHearsOfAReleaseAtOnce() throws Exception {
        var subscribe = request(Operation.createPrinterSubscriptions);
        subscribe.putAttributes(Tag.subscriptionAttributes, Types.notifyPullMethod.of("ippget"), Types.notifyEvents.of("job-fetchable"));
        int subscription = call(printer, subscribe).packet().get(Tag.subscriptionAttributes).getValue(Types.notifySubscriptionId);
        var wait = request(Operation.getNotifications).putOperationAttributes(Types.notifySubscriptionIds.of(subscription),
                Types.notifyWait.of(true));

        CompletableFuture<Answer> answer = CompletableFuture.supplyAsync(() -> call(printer, wait));
        releasedJob(printer, 1, 1);

        IppPacket events = answer.get(60, TimeUnit.SECONDS).packet();
        assertThat(events.getAttributeGroups().stream().filter(group -> group.getTag().equals(Tag.eventNotificationAttributes))
                .map(group -> group.getValue(Types.notifySubscribedEvent)).toList()).containsExactly("job-fetchable");
    }

    @Test
    void registerOutputDeviceNamesThePrintersInfrastructureUri() throws Exception {
        var register = new IppPacket.Builder(0x005F);
        register.setCode(0x005F);
        register.setVersionNumber(0x0200);
        register.setRequestId(7);
        register.putOperationAttributes(Types.attributesCharset.of("utf-8"), Types.attributesNaturalLanguage.of("en"),
                Types.systemUri.of(URI.create("ipp://127.0.0.1:" + port + "/ipp/system")),
                Types.outputDeviceUuid.of(URI.create("urn:uuid:" + printer.deviceId())),
                Types.printerServiceType.of("print"));

        IppPacket response = post("/ipp/system", printer.credential(), register.build()).packet();

        assertThat(Ipp.status(response)).isEqualTo(Status.successfulOk);
        PrinterXriSupported xri = Ipp.printer(response).getValue(Types.printerXriSupported);
        assertThat(xri.getXriUri().getPath()).isEqualTo("/ipp/infra/" + printer.deviceId());
        assertThat(xri.getXriAuthentication()).isEqualTo("basic");
    }

    @Test
    void withoutAValidCredentialForThatPrinterThereIsOnlyAChallenge() throws Exception {
        RegisteredDevice elsewhere = register(world.customer(world.root(), Ipp.unique("Other Co")), "Elsewhere");
        java.util.function.Supplier<Integer> refusedCredentials = () -> jdbc.sql(
                "SELECT COUNT(*) FROM audit_event WHERE type = 'DEVICE_CREDENTIAL_REFUSED'").query(Integer.class).single();
        int before = refusedCredentials.get();
        byte[] body = Ipp.bytes(request(Operation.getPrinterAttributes));
        String path = "/ipp/infra/" + printer.deviceId();

        for (String authorization : new String[] {null, Ipp.basic("proxy", "ocpsd_wrong"), Ipp.basic("proxy", elsewhere.credential())}) {
            var builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Content-Type", "application/ipp").POST(HttpRequest.BodyPublishers.ofByteArray(body));
            if (authorization != null) {
                builder.header("Authorization", authorization);
            }
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(String.valueOf(authorization)).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value).startsWith("Basic"));
        }
        assertThat(refusedCredentials.get() - before).as("the two wrong credentials are audited").isEqualTo(2);
    }

    // --- helpers

    private RegisteredDevice register(OrgId organization, String name) {
        return InfraCalls.register(world, activationCodes, registrations, organization, name);
    }

    private PrintJob releasedJob(RegisteredDevice to, int pages, int copies) {
        return releasedJob(to, Ipp.pdf(pages), copies);
    }

    private PrintJob releasedJob(RegisteredDevice to, byte[] pdf, int copies) {
        var ticket = new JobTicket("infra-test", DocumentFormat.PDF, copies, null, null, null, JobTicket.Source.API);
        PrintJob job = printJobs.submit(person.actor(), ticket, new ByteArrayInputStream(pdf));
        releases.release(person.actor(), job.id(), to.deviceId(), new ReleaseOptions(null, null, null));
        return job;
    }

    private List<Integer> fetchable(RegisteredDevice device) {
        var getJobs = request(Operation.getJobs).putOperationAttributes(Types.whichJobs.of("fetchable"));
        return Ipp.jobs(call(device, getJobs).packet()).stream().map(group -> group.getValue(Types.jobId)).toList();
    }

    private int onlyFetchableJob(RegisteredDevice device) {
        List<Integer> numbers = fetchable(device);
        assertThat(numbers).hasSize(1);
        return numbers.getFirst();
    }

    private IppPacket.Builder request(Operation operation) {
        return calls.request(operation, printer.deviceId());
    }

    private IppPacket.Builder request(Operation operation, int job) {
        return request(operation).putOperationAttributes(Types.jobId.of(job),
                Types.outputDeviceUuid.of(URI.create("urn:uuid:" + printer.deviceId())));
    }

    private Answer call(RegisteredDevice device, IppPacket.Builder request) {
        return calls.call(device, request);
    }

    private Answer post(String path, String credential, IppPacket packet) {
        return calls.post(path, credential, packet);
    }
}
