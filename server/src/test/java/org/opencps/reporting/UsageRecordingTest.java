package org.opencps.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencps.testing.Eventually.eventually;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.platform.ids.DeviceId;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.opencps.platform.security.ActorAuthentication;
import org.opencps.printing.DocumentFormat;
import org.opencps.printing.JobId;
import org.opencps.printing.JobTicket;
import org.opencps.printing.PrintJob;
import org.opencps.printing.PrintJobCompleted;
import org.opencps.printing.PrintJobs;
import org.opencps.printing.PrintOutcome;
import org.opencps.printing.PrintReleases;
import org.opencps.printing.SampleDocuments;
import org.opencps.testing.MutableClock;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/** Reporting records printed jobs from printing's events, once each, and supplies the license report's pages. */
@OpenCpsTest
class UsageRecordingTest {

    @Autowired World world;
    @Autowired MutableClock clock;
    @Autowired PrintJobs jobs;
    @Autowired PrintReleases releases;
    @Autowired UsageReports usage;
    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transactions;

    @Test
    void theLicenseReportCountsThePagesACustomersDevicesReportedPrinted() throws Exception {
        OrgId org = world.customer(world.root(), "Pages " + UUID.randomUUID());
        Actor alice = world.person(org, FixedRole.CUSTOMER_USER).actor();
        DeviceId printer = DeviceId.random();
        print(org, alice, printer, 7);
        print(org, alice, printer, 5);
        eventually(() -> assertThat(usage.mine(alice).recent()).hasSize(2));

        mvc.perform(get("/api/v1/organizations/{id}/license-report", world.root())
                        .with(authentication(new ActorAuthentication(world.rootAdmin().actor()))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows[?(@.id == '" + org + "')].figures.pages").value(12));
    }

    @Test
    void anEventDeliveredTwiceIsRecordedOnceAndBothDeliveriesComplete() {
        OrgId org = world.customer(world.root(), "Twice " + UUID.randomUUID());
        Actor alice = world.person(org, FixedRole.CUSTOMER_USER).actor();
        var completed = new PrintJobCompleted(org, JobId.random(), alice.userId(), DeviceId.random(), 1,
                JobTicket.ColorMode.MONOCHROME, 3, 3, 0, 3, false, clock.instant());
        transactions.executeWithoutResult(status -> events.publishEvent(completed));
        eventually(() -> assertThat(usage.mine(alice).recent()).hasSize(1));
        transactions.executeWithoutResult(status -> events.publishEvent(completed));

        eventually(() -> assertThat(jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE serialized_event LIKE ?")
                .param("%" + completed.job().value() + "%").query(Long.class).single())
                .as("both deliveries completed (and were deleted), neither failed on the duplicate").isZero());
        assertThat(usage.mine(alice).recent()).singleElement()
                .satisfies(record -> assertThat(record.jobId()).isEqualTo(completed.job()));
    }

    private void print(OrgId org, Actor owner, DeviceId printer, int pages) {
        var ticket = new JobTicket("pages", DocumentFormat.PDF, 1, JobTicket.Sides.ONE_SIDED,
                JobTicket.ColorMode.MONOCHROME, "iso_a4_210x297mm", JobTicket.Source.API);
        PrintJob job = jobs.submit(owner, ticket, new ByteArrayInputStream(SampleDocuments.pdf(pages)));
        releases.release(owner, job.id(), printer, null);
        releases.reportOutcome(org, printer, job.id(), new PrintOutcome(true, pages, 0, pages, false, null));
    }
}
