package org.opencps.ipp;

import static org.assertj.core.api.Assertions.assertThat;

import com.hp.jipp.encoding.IppPacket;
import com.hp.jipp.model.Operation;
import com.hp.jipp.model.Status;
import com.hp.jipp.model.Types;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.printing.DocumentFormat;
import org.opencps.printing.JobTicket;
import org.opencps.printing.PrintJob;
import org.opencps.printing.PrintJobs;
import org.opencps.printing.PrintOutcome;
import org.opencps.printing.PrintReleases;
import org.opencps.printing.PrintAdministration;
import org.opencps.printing.PrintSettings;
import org.opencps.testing.MutableClock;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The job operations of IPP.md §1 against PrintJobs, as the owner of the queue. */
@OpenCpsTest
class IppJobOperationsTest {

    @Autowired MockMvc mvc;
    @Autowired World world;
    @Autowired PrintQueues queues;
    @Autowired PrintJobs printJobs;
    @Autowired PrintAdministration printAdministration;
    @Autowired PrintReleases releases;
    @Autowired MutableClock clock;

    IppCalls calls;
    World.Person person;
    String path;
    String auth;

    @BeforeEach
    void queue() {
        calls = new IppCalls(mvc);
        person = world.person(world.customer(world.root(), Ipp.unique("Jobs Co")), FixedRole.CUSTOMER_USER);
        path = "/ipp/print/" + queues.mine(person.actor()).id();
        auth = Ipp.basic(person.email(), World.PASSWORD);
    }

    @Test
    void printJobHoldsTheJobWithItsTicketAndReportsIt() throws Exception {
        var request = Ipp.printJob("application/pdf").putJobAttributes(Types.copies.of(3), Types.sides.of("two-sided-long-edge"),
                Types.printColorMode.of("monochrome"), Types.media.of("na_letter_8.5x11in"));
        var created = print(request, Ipp.pdf(2));

        assertThat(Ipp.status(created)).isEqualTo(Status.successfulOk);
        assertThat(Ipp.jobId(created)).isEqualTo(1);
        assertThat(Ipp.job(created).getValue(Types.jobUri).toString()).endsWith(path + "/1");
        PrintJob job = printJobs.mine(person.actor()).get(0);
        assertThat(job.format()).isEqualTo(DocumentFormat.PDF);
        assertThat(job.copies()).isEqualTo(3);
        assertThat(job.sides()).isEqualTo(JobTicket.Sides.TWO_SIDED_LONG_EDGE);
        assertThat(job.colorMode()).isEqualTo(JobTicket.ColorMode.MONOCHROME);
        assertThat(job.media()).isEqualTo("na_letter_8.5x11in");
        assertThat(job.source()).isEqualTo(JobTicket.Source.IPP);

        var attributes = Ipp.job(calls.ipp(path, Ipp.forJob(Operation.getJobAttributes, 1), auth));
        assertThat(attributes.getValue(Types.jobState).getCode()).isEqualTo(4);
        assertThat(attributes.getStrings(Types.jobStateReasons)).containsExactly("job-hold-until-specified");
        assertThat(attributes.getValue(Types.jobOriginatingUserName).getValue()).isEqualTo(person.email());
        assertThat(attributes.getValue(Types.jobImpressions)).isEqualTo(2);
        assertThat(Ipp.names(attributes)).contains("job-uuid", "job-printer-uri", "job-name", "time-at-creation",
                "date-time-at-creation", "time-at-processing", "time-at-completed", "job-printer-up-time",
                "job-impressions-completed", "job-state-message");
    }

    @Test
    void createJobThenSendDocument() throws Exception {
        var created = calls.ipp(path, Ipp.request(Operation.createJob).putOperationAttributes(Types.jobName.of("two step")), auth);
        int id = Ipp.jobId(created);
        assertThat(Ipp.jobState(created)).isEqualTo(3);
        assertThat(printJobs.mine(person.actor())).isEmpty();

        var missingLast = Ipp.forJob(Operation.sendDocument, id).putOperationAttributes(Types.documentFormat.of("application/pdf"));
        assertThat(Ipp.status(calls.ipp(path, Ipp.bytes(missingLast.build(), Ipp.pdf(1)), auth))).isEqualTo(Status.clientErrorBadRequest);

        var send = Ipp.forJob(Operation.sendDocument, id)
                .putOperationAttributes(Types.lastDocument.of(true), Types.documentFormat.of("application/pdf"));
        var sent = calls.ipp(path, Ipp.bytes(send.build(), Ipp.pdf(1)), auth);
        assertThat(Ipp.status(sent)).isEqualTo(Status.successfulOk);
        assertThat(Ipp.jobState(sent)).isEqualTo(4);
        assertThat(printJobs.mine(person.actor())).singleElement().satisfies(job -> assertThat(job.name()).isEqualTo("two step"));

        assertThat(Ipp.status(calls.ipp(path, Ipp.bytes(send.build(), Ipp.pdf(1)), auth))).isEqualTo(Status.clientErrorNotPossible);
        assertThat(printJobs.mine(person.actor())).hasSize(1);
    }

    @Test
    void aCreatedJobWithoutDocumentIsAbortedByCloseJobOrAfterTheTimeOut() throws Exception {
        int closed = Ipp.jobId(calls.ipp(path, Ipp.request(Operation.createJob), auth));
        assertThat(Ipp.status(calls.ipp(path, Ipp.forJob(Operation.closeJob, closed), auth))).isEqualTo(Status.successfulOk);
        assertThat(state(closed)).isEqualTo(8);

        int waiting = Ipp.jobId(calls.ipp(path, Ipp.request(Operation.createJob), auth));
        clock.advance(Duration.ofSeconds(121));
        assertThat(state(waiting)).isEqualTo(8);
    }

    @Test
    void cancelJobDeletesTheHeldJobOnceAndCancelMyJobsTheRest() throws Exception {
        int first = Ipp.jobId(print(Ipp.printJob("application/pdf"), Ipp.pdf(1)));
        print(Ipp.printJob("image/jpeg"), Ipp.jpeg(true));
        calls.ipp(path, Ipp.request(Operation.createJob), auth);

        assertThat(Ipp.status(calls.ipp(path, Ipp.forJob(Operation.cancelJob, first), auth))).isEqualTo(Status.successfulOk);
        assertThat(state(first)).isEqualTo(7);
        assertThat(held()).hasSize(1);
        assertThat(Ipp.status(calls.ipp(path, Ipp.forJob(Operation.cancelJob, first), auth))).isEqualTo(Status.clientErrorNotPossible);

        assertThat(Ipp.status(calls.ipp(path, Ipp.request(Operation.cancelMyJobs), auth))).isEqualTo(Status.successfulOk);
        assertThat(held()).isEmpty();
        var remaining = calls.ipp(path, Ipp.request(Operation.getJobs), auth);
        assertThat(Ipp.jobs(remaining)).isEmpty();
        var ended = calls.ipp(path, Ipp.request(Operation.getJobs).putOperationAttributes(Types.whichJobs.of("completed")), auth);
        assertThat(Ipp.jobs(ended)).hasSize(3).allSatisfy(job -> assertThat(job.getValue(Types.jobId)).isPositive());
        assertThat(Ipp.status(calls.ipp(path, Ipp.forJob(Operation.cancelJob, 99), auth))).isEqualTo(Status.clientErrorNotFound);
    }

    @Test
    void getJobsListsJobIdAndUriByDefaultAndMoreOnRequest() throws Exception {
        print(Ipp.printJob("application/pdf"), Ipp.pdf(1));
        var plain = Ipp.jobs(calls.ipp(path, Ipp.request(Operation.getJobs), auth));
        assertThat(plain).singleElement().satisfies(job -> assertThat(Ipp.names(job)).containsExactly("job-id", "job-uri"));

        var all = Ipp.jobs(calls.ipp(path, Ipp.request(Operation.getJobs).putOperationAttributes(
                Types.requestedAttributes.of("all"), Types.whichJobs.of("all")), auth));
        assertThat(all).singleElement().satisfies(job -> assertThat(Ipp.names(job)).contains("job-state", "job-name", "copies"));
        var bad = calls.ipp(path, Ipp.request(Operation.getJobs).putOperationAttributes(Types.whichJobs.of("proof-print")), auth);
        assertThat(Ipp.status(bad)).isEqualTo(Status.clientErrorAttributesOrValuesNotSupported);
    }

    @Test
    void holdAndReleaseLeaveTheJobHeldUntilItIsReleasedAtAPrinter() throws Exception {
        int id = Ipp.jobId(print(Ipp.printJob("application/pdf"), Ipp.pdf(1)));
        assertThat(Ipp.status(calls.ipp(path, Ipp.forJob(Operation.holdJob, id), auth))).isEqualTo(Status.successfulOk);
        var released = calls.ipp(path, Ipp.forJob(Operation.releaseJob, id), auth);
        assertThat(Ipp.status(released)).isEqualTo(Status.successfulOk);
        assertThat(released.getString(com.hp.jipp.encoding.Tag.operationAttributes, Types.statusMessage)).contains("stays held");
        assertThat(state(id)).isEqualTo(4);
    }

    @Test
    void validateJobChecksWithoutStoring() throws Exception {
        assertThat(Ipp.status(calls.ipp(path, Ipp.request(Operation.validateJob)
                .putOperationAttributes(Types.documentFormat.of("image/urf")), auth))).isEqualTo(Status.successfulOk);
        assertThat(Ipp.status(calls.ipp(path, Ipp.request(Operation.validateJob)
                .putOperationAttributes(Types.documentFormat.of("text/plain")), auth))).isEqualTo(Status.clientErrorDocumentFormatNotSupported);
        assertThat(printJobs.mine(person.actor())).isEmpty();
    }

    @Test
    void unsupportedValuesAreIgnoredOrWithFidelityRefused() throws Exception {
        var ignored = print(Ipp.printJob("application/pdf").putJobAttributes(Types.sides.of("three-sided"),
                Types.copies.of(5000)), Ipp.pdf(1));
        assertThat(Ipp.status(ignored)).isEqualTo(Status.successfulOkIgnoredOrSubstitutedAttributes);
        assertThat(Ipp.names(ignored.get(com.hp.jipp.encoding.Tag.unsupportedAttributes))).containsExactlyInAnyOrder("sides", "copies");
        assertThat(printJobs.mine(person.actor())).singleElement().satisfies(job -> assertThat(job.copies()).isEqualTo(1));

        var refused = print(Ipp.printJob("application/pdf").putOperationAttributes(Types.ippAttributeFidelity.of(true))
                .putJobAttributes(Types.sides.of("three-sided")), Ipp.pdf(1));
        assertThat(Ipp.status(refused)).isEqualTo(Status.clientErrorAttributesOrValuesNotSupported);
        assertThat(printJobs.mine(person.actor())).hasSize(1);
    }

    @Test
    void whatCupsSaysAboutItsOwnJobIsAcceptedQuietly() throws Exception {
        var fromCups = Ipp.printJob("application/pdf").putJobAttributes(
                Types.jobUuid.of(java.net.URI.create("urn:uuid:bdead118-645c-34ba-557f-40a2c52434d5")),
                new com.hp.jipp.encoding.NameType("job-originating-host-name").of("localhost"),
                new com.hp.jipp.encoding.NameType("document-name-supplied").of("one.pdf"),
                Types.numberUp.of(1), Types.finishings.of(com.hp.jipp.model.Finishing.none), Types.printColorMode.of("monochrome"));
        assertThat(Ipp.status(print(fromCups, Ipp.pdf(1)))).isEqualTo(Status.successfulOk);
    }

    @Test
    void compressedAndUntypedDocumentsAreAccepted() throws Exception {
        var gzip = new ByteArrayOutputStream();
        try (var out = new GZIPOutputStream(gzip)) {
            out.write(Ipp.pdf(1));
        }
        var deflate = new ByteArrayOutputStream();
        try (var out = new DeflaterOutputStream(deflate)) {
            out.write(Ipp.jpeg(false));
        }
        assertThat(Ipp.status(print(Ipp.printJob("application/pdf").putOperationAttributes(Types.compression.of("gzip")),
                gzip.toByteArray()))).isEqualTo(Status.successfulOk);
        assertThat(Ipp.status(print(Ipp.printJob("image/jpeg").putOperationAttributes(Types.compression.of("deflate")),
                deflate.toByteArray()))).isEqualTo(Status.successfulOk);
        assertThat(Ipp.status(print(Ipp.printJob("application/octet-stream"), Ipp.pdf(1)))).isEqualTo(Status.successfulOk);
        assertThat(printJobs.mine(person.actor())).extracting(PrintJob::format)
                .containsExactlyInAnyOrder(DocumentFormat.PDF, DocumentFormat.JPEG, DocumentFormat.PDF);
    }

    @Test
    void withHoldingOffAJobCompletesAtOnce() throws Exception {
        var admin = world.person(person.orgId(), FixedRole.CUSTOMER_ADMIN).actor();
        printAdministration.updateSettings(admin, person.orgId(), new PrintSettings(false));
        try {
            int id = Ipp.jobId(print(Ipp.printJob("application/pdf"), Ipp.pdf(1)));
            assertThat(state(id)).isEqualTo(9);
            assertThat(Ipp.status(calls.ipp(path, Ipp.forJob(Operation.cancelJob, id), auth))).isEqualTo(Status.clientErrorNotPossible);
        } finally {
            printAdministration.updateSettings(admin, person.orgId(), new PrintSettings(true));
        }
    }

    @Test
    void aFormatTheOrganizationDoesNotAcceptIsNotSupportedAndNothingIsKept() throws Exception {
        var admin = world.person(person.orgId(), FixedRole.CUSTOMER_ADMIN).actor();
        printAdministration.updateSettings(admin, person.orgId(),
                new PrintSettings(true, false, false, null, java.util.Set.of(DocumentFormat.PDF)));
        var declared = print(Ipp.printJob("image/jpeg"), Ipp.jpeg(true));
        assertThat(Ipp.status(declared)).isEqualTo(Status.clientErrorDocumentFormatNotSupported);
        assertThat(Ipp.names(declared.get(com.hp.jipp.encoding.Tag.unsupportedAttributes))).containsExactly("document-format");
        assertThat(Ipp.status(print(Ipp.printJob("application/octet-stream"), Ipp.jpeg(false))))
                .isEqualTo(Status.clientErrorDocumentFormatNotSupported);
        assertThat(printJobs.mine(person.actor())).isEmpty();
        assertThat(Ipp.status(print(Ipp.printJob("application/pdf"), Ipp.pdf(1)))).isEqualTo(Status.successfulOk);
    }

    @Test
    void aReleasedJobIsProcessingUntilItsDeviceReportsItPrinted() throws Exception {
        int id = Ipp.jobId(print(Ipp.printJob("application/pdf"), Ipp.pdf(2)));
        PrintJob job = held().get(0);
        var device = org.opencps.platform.ids.DeviceId.random();
        releases.release(person.actor(), job.id(), device, null);
        assertThat(state(id)).isEqualTo(5);
        releases.reportOutcome(person.orgId(), device, job.id(), new PrintOutcome(true, 2, 0, 2, false, null));
        assertThat(state(id)).isEqualTo(9);
    }

    @Test
    void queuedJobCountCountsTheOwnersWaitingJobs() throws Exception {
        print(Ipp.printJob("application/pdf"), Ipp.pdf(1));
        var attributes = calls.ipp(path, Ipp.request(Operation.getPrinterAttributes), auth);
        assertThat(Ipp.printer(attributes).getValue(Types.queuedJobCount)).isEqualTo(1);
    }

    private IppPacket print(IppPacket.Builder request, byte[] document) throws Exception {
        return calls.ipp(path, Ipp.bytes(request.build(), document), auth);
    }

    /** The person's jobs still waiting; canceled ones stay in their history. */
    private java.util.List<PrintJob> held() {
        return printJobs.mine(person.actor()).stream().filter(job -> job.state() == PrintJob.State.HELD).toList();
    }

    private int state(int id) throws Exception {
        return Ipp.jobState(calls.ipp(path, Ipp.forJob(Operation.getJobAttributes, id), auth));
    }
}
