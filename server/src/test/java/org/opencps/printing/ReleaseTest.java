package org.opencps.printing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opencps.printing.HeldJobs.failed;
import static org.opencps.printing.HeldJobs.printed;
import static org.opencps.printing.HeldJobs.submit;
import static org.opencps.testing.Eventually.eventually;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.InputStream;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.documents.Documents;
import org.opencps.platform.errors.ConflictException;
import org.opencps.platform.errors.InvalidInputException;
import org.opencps.platform.errors.NotFoundException;
import org.opencps.platform.ids.DeviceId;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.opencps.platform.security.ActorAuthentication;
import org.opencps.printing.JobTicket.ColorMode;
import org.opencps.printing.internal.ReleaseTimeoutJob;
import org.opencps.reporting.UsageReports;
import org.opencps.testing.MutableClock;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

/** A held job released to a device, printed or not, and what each refusal leaves unchanged. */
@OpenCpsTest
@RecordApplicationEvents
class ReleaseTest {

    @Autowired PrintJobs jobs;
    @Autowired PrintReleases releases;
    @Autowired PrintQuotas quotas;
    @Autowired UsageReports usage;
    @Autowired ReleaseTimeoutJob timeouts;
    @Autowired org.opencps.printing.internal.JobExpiryJob expiry;
    @Autowired World world;
    @Autowired MutableClock clock;
    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired StoredBlobs blobs;
    @Autowired Documents documents;
    @Autowired ApplicationEvents events;

    OrgId org;
    Actor alice;
    Actor bob;
    DeviceId printer = DeviceId.random();

    @BeforeEach
    void people() {
        org = world.customer(world.root(), "Release " + java.util.UUID.randomUUID());
        alice = world.person(org, FixedRole.CUSTOMER_USER).actor();
        bob = world.person(org, FixedRole.CUSTOMER_USER).actor();
    }

    @Test
    void aReleasedJobIsFetchedPrintedRecordedAndItsDocumentDeleted() throws Exception {
        PrintJob job = submit(jobs, alice, 3, 2, ColorMode.AUTO);
        Release release = releases.release(alice, job.id(), printer, ReleaseOptions.none());

        assertThat(release.colorMode()).isEqualTo(ColorMode.COLOR);
        assertThat(release.chargedPages()).isEqualTo(6);
        assertThat(release.copies()).isEqualTo(2);
        assertThat(release.device()).isEqualTo(printer);
        assertThat(release.releasedAt()).isEqualTo(clock.instant());
        assertThat(releases.releasedTo(org, printer)).containsExactly(release);
        assertThat(releases.releasedTo(org, DeviceId.random())).isEmpty();
        try (InputStream document = releases.releasedDocument(org, printer, job.id())) {
            assertThat(new String(document.readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1)).startsWith("%PDF-");
        }
        mvc.perform(get("/api/v1/jobs/{id}", job.id()).with(as(alice))).andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("RELEASED"))
                .andExpect(jsonPath("$.delivery.device").value(printer.toString()))
                .andExpect(jsonPath("$.delivery.releasedAt").value(clock.instant().toString()))
                .andExpect(jsonPath("$.delivery.countedPages").value(6))
                .andExpect(jsonPath("$.delivery.reportedPages").isEmpty());
        assertThat(quotas.mine(alice).own().color().used()).isEqualTo(6);

        clock.advance(Duration.ofMinutes(2));
        releases.reportOutcome(org, printer, job.id(), new PrintOutcome(true, 5, 4, 1, true, "one sheet jammed"));

        mvc.perform(get("/api/v1/jobs/{id}", job.id()).with(as(alice))).andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("COMPLETED"))
                .andExpect(jsonPath("$.delivery.countedPages").value(6))
                .andExpect(jsonPath("$.delivery.reportedPages").value(5))
                .andExpect(jsonPath("$.delivery.pageDifference").value(-1))
                .andExpect(jsonPath("$.delivery.completedAt").value(clock.instant().toString()));
        assertThat(blobs.of(org)).isEmpty();
        assertThatThrownBy(() -> releases.releasedDocument(org, printer, job.id())).isInstanceOf(NotFoundException.class);
        assertThat(releases.releasedTo(org, printer)).isEmpty();
        eventually(() -> assertThat(usage.mine(alice).recent()).singleElement().satisfies(record -> {
            assertThat(record.countedPages()).isEqualTo(6);
            assertThat(record.reportedPages()).isEqualTo(5);
            assertThat(record.colorPages()).isEqualTo(4);
            assertThat(record.monochromePages()).isEqualTo(1);
            assertThat(record.duplex()).isTrue();
            assertThat(record.device()).isEqualTo(printer);
            assertThat(record.pageDifference()).isEqualTo(-1);
        }));
        assertThat(quotas.mine(alice).own().color().used()).as("quotas stay on counted pages").isEqualTo(6);
        assertThat(events.stream(PrintJobReleased.class)).hasSize(1);
        assertThat(events.stream(PrintJobCompleted.class)).singleElement()
                .satisfies(e -> assertThat(e.reportedPages()).isEqualTo(5));
        eventually(() -> assertThat(auditTypes()).contains("PRINT_JOB_RELEASED", "PRINT_JOB_COMPLETED"));

        assertThatThrownBy(() -> releases.reportOutcome(org, printer, job.id(), printed(6, true)))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> releases.release(alice, job.id(), printer, null)).isInstanceOf(ConflictException.class);
    }

    @Test
    void onlyTheOwnerInTheJobsOrganizationReleasesAndOthersGet404() {
        PrintJob job = submit(jobs, alice, 1, 1, ColorMode.MONOCHROME);
        Actor admin = world.person(org, FixedRole.CUSTOMER_ADMIN).actor();
        OrgId other = world.customer(world.root(), "Elsewhere " + java.util.UUID.randomUUID());
        world.join(new World.Person(alice.userId(), "", org), other, FixedRole.CUSTOMER_USER);
        for (Actor stranger : new Actor[] {bob, admin, alice.inOrganization(other), new Actor(alice.userId(), null)}) {
            assertThatThrownBy(() -> releases.release(stranger, job.id(), printer, null)).isInstanceOf(NotFoundException.class);
        }
        assertThatThrownBy(() -> releases.release(alice, JobId.random(), printer, null)).isInstanceOf(NotFoundException.class);
        assertThat(jobs.get(alice, job.id()).state()).isEqualTo(PrintJob.State.HELD);
        assertThat(events.stream(PrintJobReleased.class)).isEmpty();
    }

    @Test
    void onlyHeldJobsAreReleasedAndOnlyToTheDeviceTheyWentToAreReported() {
        PrintJob job = submit(jobs, alice, 2, 1, ColorMode.MONOCHROME);
        releases.release(alice, job.id(), printer, null);
        DeviceId other = DeviceId.random();
        assertThatThrownBy(() -> releases.release(alice, job.id(), other, null)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> releases.releasedDocument(org, other, job.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> releases.reportOutcome(org, other, job.id(), printed(2, false))).isInstanceOf(NotFoundException.class);
        OrgId elsewhere = world.customer(world.root(), "Elsewhere " + java.util.UUID.randomUUID());
        assertThatThrownBy(() -> releases.reportOutcome(elsewhere, printer, job.id(), printed(2, false)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> releases.releasedDocument(elsewhere, printer, job.id())).isInstanceOf(NotFoundException.class);
        assertThat(releases.releasedTo(elsewhere, printer)).isEmpty();
        assertThatThrownBy(() -> jobs.delete(alice, job.id())).as("a released job is on its way").isInstanceOf(ConflictException.class);

        PrintJob canceled = submit(jobs, alice, 1, 1, ColorMode.MONOCHROME);
        jobs.delete(alice, canceled.id());
        assertThatThrownBy(() -> releases.release(alice, canceled.id(), printer, null)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("canceled");
        assertThat(quotas.mine(alice).own().monochrome().used()).isEqualTo(2);
    }

    @Test
    void aFailureHoldsTheJobAgainAndReturnsTheCharge() throws Exception {
        PrintJob job = submit(jobs, alice, 4, 1, ColorMode.COLOR);
        releases.release(alice, job.id(), printer, new ReleaseOptions(3, null, null));
        assertThat(quotas.mine(alice).own().color().used()).isEqualTo(12);

        releases.reportOutcome(org, printer, job.id(), failed("out of toner"));

        PrintJob again = jobs.get(alice, job.id());
        assertThat(again.state()).isEqualTo(PrintJob.State.HELD);
        assertThat(again.delivery()).isNull();
        assertThat(quotas.mine(alice).own().color().used()).isZero();
        assertThat(blobs.of(org)).hasSize(1);
        assertThat(events.stream(PrintJobFailed.class)).singleElement().satisfies(e -> assertThat(e.message()).isEqualTo("out of toner"));
        eventually(() -> assertThat(auditTypes()).contains("PRINT_JOB_FAILED"));
        assertThatThrownBy(() -> releases.reportOutcome(org, printer, job.id(), failed("again"))).isInstanceOf(NotFoundException.class);

        Release second = releases.release(alice, job.id(), printer, null);
        assertThat(second.copies()).as("the override was for that release only").isEqualTo(1);
        releases.reportOutcome(org, printer, job.id(), printed(4, true));
        assertThat(quotas.mine(alice).own().color().used()).isEqualTo(4);
    }

    @Test
    void reportedNumbersMustAddUp() {
        PrintJob job = submit(jobs, alice, 2, 1, ColorMode.MONOCHROME);
        releases.release(alice, job.id(), printer, null);
        for (PrintOutcome bad : new PrintOutcome[] {new PrintOutcome(true, -1, 0, 0, false, null),
                new PrintOutcome(true, 2, 1, 2, false, null), new PrintOutcome(true, 2, -1, 3, false, null),
                new PrintOutcome(true, 10_000_001, 0, 0, false, null)}) {
            assertThatThrownBy(() -> releases.reportOutcome(org, printer, job.id(), bad)).isInstanceOf(InvalidInputException.class);
        }
        assertThat(jobs.get(alice, job.id()).state()).isEqualTo(PrintJob.State.RELEASED);
        releases.reportOutcome(org, printer, job.id(), new PrintOutcome(true, 2, 0, 0, false, null));
        eventually(() -> assertThat(usage.mine(alice).recent()).singleElement()
                .satisfies(record -> assertThat(record.monochromePages()).as("unsplit pages take the job's colour").isEqualTo(2)));
    }

    @Test
    void aReleaseNobodyReportsOnIsHeldAgainAfterTheTimeout() {
        PrintJob job = submit(jobs, alice, 1, 5, ColorMode.MONOCHROME);
        releases.release(alice, job.id(), printer, null);

        clock.advance(Duration.ofMinutes(30).minusSeconds(1));
        timeouts.holdUnreportedReleases();
        assertThat(jobs.get(alice, job.id()).state()).isEqualTo(PrintJob.State.RELEASED);

        clock.advance(Duration.ofSeconds(1));
        timeouts.holdUnreportedReleases();
        assertThat(jobs.get(alice, job.id()).state()).isEqualTo(PrintJob.State.HELD);
        assertThat(quotas.mine(alice).own().monochrome().used()).isZero();
        assertThat(events.stream(PrintJobReleaseTimedOut.class).filter(e -> e.org().equals(org))).singleElement()
                .satisfies(e -> assertThat(e.device()).isEqualTo(printer));
        eventually(() -> assertThat(auditTypes()).contains("PRINT_JOB_RELEASE_TIMED_OUT"));
        assertThatThrownBy(() -> releases.reportOutcome(org, printer, job.id(), printed(5, false)))
                .isInstanceOf(NotFoundException.class);
        assertThat(releases.release(alice, job.id(), printer, null).chargedPages()).isEqualTo(5);
    }

    @Test
    void aReleaseWhoseDocumentWasFetchedIsNotHeldAgainButEndsAtExpiryWithItsCharge() throws Exception {
        PrintJob job = submit(jobs, alice, 1, 5, ColorMode.MONOCHROME);
        releases.release(alice, job.id(), printer, null);
        try (var document = releases.releasedDocument(org, printer, job.id())) {
            assertThat(document.read()).isNotNegative();
        }

        clock.advance(Duration.ofMinutes(30));
        timeouts.holdUnreportedReleases();
        assertThat(jobs.get(alice, job.id()).state()).as("it may have printed: never held (and printed) again")
                .isEqualTo(PrintJob.State.RELEASED);
        releases.reportOutcome(org, printer, job.id(), printed(5, false));
        assertThat(jobs.get(alice, job.id()).state()).as("a late report is still taken").isEqualTo(PrintJob.State.COMPLETED);

        PrintJob silent = submit(jobs, alice, 1, 3, ColorMode.MONOCHROME);
        releases.release(alice, silent.id(), printer, null);
        releases.releasedDocument(org, printer, silent.id()).close();
        clock.advance(Duration.between(clock.instant(), jobs.get(alice, silent.id()).expiresAt()).minusSeconds(1));
        expiry.expireHeldJobs();
        assertThat(jobs.get(alice, silent.id()).state()).isEqualTo(PrintJob.State.RELEASED);
        clock.advance(Duration.ofSeconds(1));
        expiry.expireHeldJobs();
        assertThat(jobs.get(alice, silent.id()).state()).isEqualTo(PrintJob.State.EXPIRED);
        assertThat(quotas.mine(alice).own().monochrome().used()).as("5 printed, 3 charged and kept").isEqualTo(8);
    }

    private java.util.List<String> auditTypes() {
        return jdbc.sql("SELECT type FROM audit_event WHERE org_id = ?").param(org.value()).query(String.class).list();
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor as(Actor actor) {
        return authentication(new ActorAuthentication(actor));
    }
}
