package org.opencps.ipp;

import org.opencps.testing.peers.Poll;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencps.access.FixedRole;
import org.opencps.printing.DocumentFormat;
import org.opencps.printing.JobTicket;
import org.opencps.printing.PrintJob;
import org.opencps.printing.PrintJobs;
import org.opencps.platform.tls.TestCertificate;
import org.opencps.testing.Outbox;
import org.opencps.testing.TestClockConfiguration;
import org.opencps.testing.TestEnvironment;
import org.opencps.testing.World;
import org.opencps.testing.peers.PrivateCupsd;
import org.opencps.testing.peers.TestDocuments;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * A real CUPS prints to OpenCPS as a desktop does: a private cupsd gets a driverless queue
 * ({@code lpadmin -m everywhere}) to a person's ipps print queue, {@code lp} prints a three-page PDF
 * to it, and the job must arrive as that person's held job, with its pages counted, while CUPS's own
 * job completes (its ipp backend stops watching a job once it is pending-held, IPP.md §1).
 * <p>
 * Over TLS with the product's defaults (no Basic over plain HTTP): the server has a self-signed test
 * certificate, and CUPS trusts that one certificate only (pinned, trust on first use off), so the
 * backend really checks what it talks to. Fails, never skips, without CUPS.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {"server.address=127.0.0.1",
        "opencps.tls.certificate=" + CupsEndToEndTest.CERTIFICATE, "opencps.tls.private-key=" + CupsEndToEndTest.PRIVATE_KEY})
@ContextConfiguration(initializers = TestEnvironment.class)
@Import({TestClockConfiguration.class, World.class, Outbox.class})
class CupsEndToEndTest {

    static final String CERTIFICATE = "target/cups-end-to-end-test/server.crt";
    static final String PRIVATE_KEY = "target/cups-end-to-end-test/server.key";
    /** CUPS keeps trusted certificates by the host name in the URI; the certificate names localhost. */
    private static final String HOST = "localhost";
    private static final Duration ARRIVAL = Duration.ofSeconds(90);

    @BeforeAll
    static void serverCertificate() throws IOException {
        TestCertificate.selfSigned(HOST).writePem(Path.of(CERTIFICATE), Path.of(PRIVATE_KEY));
    }

    @LocalServerPort int port;
    @Autowired World world;
    @Autowired PrintQueues queues;
    @Autowired PrintJobs printJobs;
    @TempDir Path work;

    PrivateCupsd cups;
    World.Person person;
    Path document;

    @BeforeEach
    void cupsAndAPerson() {
        cups = PrivateCupsd.start();
        cups.trustCertificate(HOST, readString(Path.of(CERTIFICATE)));
        person = world.person(world.customer(world.root(), Ipp.unique("Desktop Co")), FixedRole.CUSTOMER_USER);
        document = TestDocuments.pdf(work.resolve("minutes.pdf"), "Page one", "Page two", "Page three");
    }

    @AfterEach
    void stopCups() {
        if (cups != null) {
            cups.close();
        }
    }

    @Test
    void cupsQueueWithEmailAndPasswordDeliversAHeldJobOfThatPerson() {
        String user = URLEncoder.encode(person.email(), StandardCharsets.UTF_8);
        URI queue = URI.create("ipps://" + user + ":" + World.PASSWORD + "@" + HOST + ":" + port + "/ipp/print/"
                + queues.mine(person.actor()).id());

        printThroughCupsAndExpectAHeldJob(queue);
    }

    @Test
    void cupsQueueOnTheSecretUrlDeliversAHeldJobOfItsOwner() {
        URI queue = URI.create("ipps://" + HOST + ":" + port + "/ipp/secret/" + queues.newSecret(person.actor()).secret());

        printThroughCupsAndExpectAHeldJob(queue);
    }

    private void printThroughCupsAndExpectAHeldJob(URI queue) {
        cups.addDriverlessQueue("cloud", queue);

        String cupsJob = cups.print("cloud", document);

        PrintJob job = awaitHeldJob();
        assertThat(job.owner()).isEqualTo(person.userId());
        assertThat(job.orgId()).isEqualTo(person.orgId());
        assertThat(job.pages()).isEqualTo(3);
        assertThat(job.source()).isEqualTo(JobTicket.Source.IPP);
        assertThat(job.format()).isEqualTo(DocumentFormat.PDF);
        assertThat(job.name()).isEqualTo("minutes.pdf");
        cups.awaitJobDone(cupsJob, ARRIVAL);
        assertThat(cups.jobStatus(cupsJob).state()).as("CUPS's job %s: %s", cupsJob, cups.jobStatus(cupsJob))
                .isEqualTo(PrivateCupsd.JobStatus.COMPLETED);
        assertThat(printJobs.mine(person.actor())).as("one CUPS job, one OpenCPS job").hasSize(1);
    }

    /** The person's only job, once it is there and held; bounded by {@link #ARRIVAL}. */
    private PrintJob awaitHeldJob() {
        List<PrintJob> jobs = Poll.until(ARRIVAL, "a job from CUPS",
                () -> java.util.Optional.of(printJobs.mine(person.actor())).filter(found -> !found.isEmpty()),
                cups::errorLogTail);
        assertThat(jobs).as("OpenCPS jobs of %s after %s; CUPS says:%n%s", person.email(), ARRIVAL, cups.errorLogTail())
                .singleElement().extracting(PrintJob::state).isEqualTo(PrintJob.State.HELD);
        return jobs.getFirst();
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
