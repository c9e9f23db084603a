package org.opencps.ipp;

import static org.assertj.core.api.Assertions.assertThat;

import com.hp.jipp.encoding.IppPacket;
import com.hp.jipp.model.JobState;
import com.hp.jipp.model.Operation;
import com.hp.jipp.model.Status;
import com.hp.jipp.model.Types;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.devices.ActivationCodes;
import org.opencps.devices.DeviceRegistrations;
import org.opencps.devices.RegisteredDevice;
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
 * Every refused request gets the status RFC 8011 (and RFC 3995, PWG 5100.18 for the INFRA
 * endpoint) names for its case: a table of case → expected status, each case sent over HTTP to a
 * queue's secret URL or to an Infrastructure Printer. All rows are checked before the test fails,
 * so a failure lists every row that differs.
 */
@IppServerTest
class IppRefusalStatusTest {

    @LocalServerPort int port;
    @Autowired World world;
    @Autowired PrintQueues queues;
    @Autowired PrintJobs printJobs;
    @Autowired PrintReleases releases;
    @Autowired ActivationCodes activationCodes;
    @Autowired DeviceRegistrations registrations;

    final HttpClient http = HttpClient.newHttpClient();
    final Map<String, Status> expected = new LinkedHashMap<>();
    final Map<String, Callable<Status>> cases = new LinkedHashMap<>();

    @Test
    void everyRefusalHasTheStatusTheStandardsName() throws Exception {
        var org = world.customer(world.root(), Ipp.unique("Refusal Co"));
        var person = world.person(org, FixedRole.CUSTOMER_USER);
        String queue = "/ipp/secret/" + queues.newSecret(person.actor()).secret();

        // RFC 8011 §4.1: what every request must carry
        row("request-id 0 (RFC 8011 §4.1.1)", Status.clientErrorBadRequest,
                () -> status(queue, Ipp.bytes(withRequestId(Ipp.request(Operation.getPrinterAttributes), 0))));
        row("IPP version 3.0 (RFC 8011 §4.1.8)", Status.serverErrorVersionNotSupported,
                () -> status(queue, Ipp.bytes(withVersion(Ipp.request(Operation.getPrinterAttributes), 0x0300))));
        row("attributes-charset iso-8859-1 (RFC 8011 §4.1.4.1)", Status.clientErrorCharsetNotSupported,
                () -> status(queue, new RawIpp(0x0200, 0x000B, 3).tag(0x01).attribute(0x47, "attributes-charset", "iso-8859-1")
                        .attribute(0x48, "attributes-natural-language", "en").attribute(0x45, "printer-uri", "ipp://x/").end()));
        row("no printer-uri (RFC 8011 §4.1.5)", Status.clientErrorBadRequest,
                () -> status(queue, new RawIpp(0x0200, 0x000B, 3).tag(0x01).attribute(0x47, "attributes-charset", "utf-8")
                        .attribute(0x48, "attributes-natural-language", "en").end()));
        row("Print-URI, not offered (RFC 8011 §4.1.2, §4.2.2)", Status.serverErrorOperationNotSupported,
                () -> status(queue, Ipp.bytes(Ipp.request(Operation.printUri)
                        .putOperationAttributes(Types.documentUri.of(URI.create("file:///etc/hostname"))))));
        // RFC 8011 §4.2.1: the document
        row("document-format text/plain (RFC 8011 §4.2.1.1)", Status.clientErrorDocumentFormatNotSupported,
                () -> status(queue, Ipp.bytes(Ipp.printJob("text/plain").build(), "hello".getBytes())));
        row("compression compress (RFC 8011 §4.2.1.1)", Status.clientErrorCompressionNotSupported,
                () -> status(queue, Ipp.bytes(Ipp.printJob("application/pdf").putOperationAttributes(Types.compression.of("compress"))
                        .build(), Ipp.pdf(1))));
        row("gzip that is not gzip (RFC 8011 §4.2.1.1, client-error-compression-error)", Status.clientErrorCompressionError,
                () -> status(queue, Ipp.bytes(Ipp.printJob("application/pdf").putOperationAttributes(Types.compression.of("gzip"))
                        .build(), Ipp.pdf(1))));
        row("a JPEG declared as PDF (RFC 8011 §4.2.1.1, client-error-document-format-error)", Status.clientErrorDocumentFormatError,
                () -> status(queue, Ipp.bytes(Ipp.printJob("application/pdf").build(), Ipp.jpeg(true))));
        row("copies 0 with ipp-attribute-fidelity (RFC 8011 §4.1.7)", Status.clientErrorAttributesOrValuesNotSupported,
                () -> status(queue, Ipp.bytes(Ipp.printJob("application/pdf")
                        .putOperationAttributes(Types.ippAttributeFidelity.of(true)).putJobAttributes(Types.copies.of(0)).build(),
                        Ipp.pdf(1))));
        // RFC 8011 §4.2.6, §4.3: jobs
        row("which-jobs proof-print (RFC 8011 §4.2.6.1)", Status.clientErrorAttributesOrValuesNotSupported,
                () -> status(queue, Ipp.bytes(Ipp.request(Operation.getJobs).putOperationAttributes(Types.whichJobs.of("proof-print")))));
        row("Get-Job-Attributes of no such job (RFC 8011 §4.3.4)", Status.clientErrorNotFound,
                () -> status(queue, Ipp.bytes(Ipp.forJob(Operation.getJobAttributes, 999_999))));
        row("Send-Document to no such job (RFC 8011 §4.3.1)", Status.clientErrorNotFound,
                () -> status(queue, Ipp.bytes(Ipp.forJob(Operation.sendDocument, 999_999)
                        .putOperationAttributes(Types.lastDocument.of(true)).build(), Ipp.pdf(1))));
        row("Cancel-Job of a canceled job (RFC 8011 §4.3.3)", Status.clientErrorNotPossible, () -> {
            int job = Ipp.jobId(ipp(queue, Ipp.bytes(Ipp.printJob("application/pdf").build(), Ipp.pdf(1))));
            assertThat(status(queue, Ipp.bytes(Ipp.forJob(Operation.cancelJob, job)))).isEqualTo(Status.successfulOk);
            return status(queue, Ipp.bytes(Ipp.forJob(Operation.cancelJob, job)));
        });
        row("Send-Document with last-document false, one document per job (RFC 8011 §4.3.1)",
                Status.serverErrorMultipleDocumentJobsNotSupported, () -> {
                    int job = Ipp.jobId(ipp(queue, Ipp.bytes(Ipp.request(Operation.createJob))));
                    return status(queue, Ipp.bytes(Ipp.forJob(Operation.sendDocument, job)
                            .putOperationAttributes(Types.lastDocument.of(false), Types.documentFormat.of("application/pdf")).build(),
                            Ipp.pdf(1)));
                });
        row("Send-Document to a job that has its document (RFC 8011 §4.3.1)", Status.clientErrorNotPossible, () -> {
            int job = Ipp.jobId(ipp(queue, Ipp.bytes(Ipp.request(Operation.createJob))));
            byte[] send = Ipp.bytes(Ipp.forJob(Operation.sendDocument, job)
                    .putOperationAttributes(Types.lastDocument.of(true), Types.documentFormat.of("application/pdf")).build(), Ipp.pdf(1));
            assertThat(status(queue, send)).isEqualTo(Status.successfulOk);
            return status(queue, send);
        });

        // PWG 5100.18 and RFC 3995 on the INFRA endpoint
        var infra = new InfraCalls(port);
        RegisteredDevice printer = InfraCalls.register(world, activationCodes, registrations, org, "Refusals");
        row("INFRA: Print-Job, not an Infrastructure Printer operation (RFC 8011 §4.1.2)", Status.serverErrorOperationNotSupported,
                () -> infra.call(printer, infra.request(Operation.printJob, printer.deviceId())).packet().getStatus());
        row("INFRA: Fetch-Job of a job the printer never had (PWG 5100.18 §6.9)", Status.clientErrorNotFound,
                () -> infra.call(printer, fetch(infra, printer, Operation.fetchJob, 999_999)).packet().getStatus());
        row("INFRA: Acknowledge-Job of a job already taken (PWG 5100.18 §6.2, client-error-not-fetchable)",
                Status.clientErrorNotFetchable, () -> {
                    int job = releasedTo(person, printer, infra);
                    assertThat(infra.call(printer, fetch(infra, printer, Operation.acknowledgeJob, job)).packet().getStatus())
                            .isEqualTo(Status.successfulOk);
                    return infra.call(printer, fetch(infra, printer, Operation.acknowledgeJob, job)).packet().getStatus();
                });
        row("INFRA: Fetch-Job of a job the printer already finished (PWG 5100.18 §6.9, client-error-not-fetchable)",
                Status.clientErrorNotFetchable, () -> {
                    int job = finishedAt(person, printer, infra);
                    return infra.call(printer, fetch(infra, printer, Operation.fetchJob, job)).packet().getStatus();
                });
        row("INFRA: Fetch-Document of a job the printer already finished (PWG 5100.18 §6.8, client-error-not-fetchable)",
                Status.clientErrorNotFetchable, () -> {
                    int job = finishedAt(person, printer, infra);
                    return infra.call(printer, fetch(infra, printer, Operation.fetchDocument, job)
                            .putOperationAttributes(Types.documentNumber.of(1))).packet().getStatus();
                });
        row("INFRA: Get-Subscription-Attributes of no such subscription (RFC 3995 §11.2.4)", Status.clientErrorNotFound,
                () -> infra.call(printer, infra.request(Operation.getSubscriptionAttributes, printer.deviceId())
                        .putOperationAttributes(Types.notifySubscriptionId.of(999_999))).packet().getStatus());

        List<String> differences = new ArrayList<>();
        for (var row : cases.entrySet()) {
            Status got = row.getValue().call();
            if (!expected.get(row.getKey()).equals(got)) {
                differences.add(row.getKey() + ": expected " + expected.get(row.getKey()).getName() + ", got " + got.getName());
            }
        }
        assertThat(differences).isEmpty();
    }

    private void row(String name, Status status, Callable<Status> request) {
        expected.put(name, status);
        cases.put(name, request);
    }

    /** A job of the person released to the printer; its number at the Infrastructure Printer. */
    private int releasedTo(World.Person person, RegisteredDevice printer, InfraCalls infra) {
        var ticket = new JobTicket("refusal-test", DocumentFormat.PDF, 1, null, null, null, JobTicket.Source.API);
        PrintJob job = printJobs.submit(person.actor(), ticket, new ByteArrayInputStream(Ipp.pdf(1)));
        releases.release(person.actor(), job.id(), printer.deviceId(), new ReleaseOptions(null, null, null));
        var getJobs = infra.request(Operation.getJobs, printer.deviceId()).putOperationAttributes(Types.whichJobs.of("fetchable"));
        return Ipp.jobs(infra.call(printer, getJobs).packet()).stream().mapToInt(group -> group.getValue(Types.jobId)).max().orElseThrow();
    }

    /** A job the printer fetched, acknowledged and reported printed; its number there. */
    private int finishedAt(World.Person person, RegisteredDevice printer, InfraCalls infra) {
        int job = releasedTo(person, printer, infra);
        assertThat(infra.call(printer, fetch(infra, printer, Operation.acknowledgeJob, job)).packet().getStatus())
                .isEqualTo(Status.successfulOk);
        assertThat(infra.call(printer, fetch(infra, printer, Operation.updateJobStatus, job)
                .putJobAttributes(Types.outputDeviceJobState.of(JobState.completed))).packet().getStatus())
                .isEqualTo(Status.successfulOk);
        return job;
    }

    private static IppPacket.Builder fetch(InfraCalls infra, RegisteredDevice printer, Operation operation, int job) {
        return infra.request(operation, printer.deviceId()).putOperationAttributes(Types.jobId.of(job),
                Types.outputDeviceUuid.of(URI.create("urn:uuid:" + printer.deviceId())));
    }

    private static IppPacket.Builder withRequestId(IppPacket.Builder request, int id) {
        request.setRequestId(id);
        return request;
    }

    private static IppPacket.Builder withVersion(IppPacket.Builder request, int version) {
        request.setVersionNumber(version);
        return request;
    }

    private Status status(String path, byte[] body) throws Exception {
        return ipp(path, body).getStatus();
    }

    private IppPacket ipp(String path, byte[] body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/ipp").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        var response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return Ipp.parse(response.body());
    }
}
