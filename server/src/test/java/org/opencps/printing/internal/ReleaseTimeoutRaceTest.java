package org.opencps.printing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.platform.errors.ConflictException;
import org.opencps.platform.errors.NotFoundException;
import org.opencps.platform.ids.DeviceId;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.opencps.printing.DocumentFormat;
import org.opencps.printing.JobTicket;
import org.opencps.printing.PrintJob;
import org.opencps.printing.PrintJobs;
import org.opencps.printing.PrintReleases;
import org.opencps.printing.PrintQuotas;
import org.opencps.printing.SampleDocuments;
import org.opencps.printing.internal.persistence.JobStore;
import org.opencps.testing.MutableClock;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The release timeout and a device fetching the document, interleaved step by step: the sweep's
 * two steps (finding releases nobody reported on, then holding each again) are called directly,
 * with the fetch between them. A fetched release is never held again, so it cannot print twice.
 */
@OpenCpsTest
class ReleaseTimeoutRaceTest {

    @Autowired PrintJobs jobs;
    @Autowired PrintReleases releases;
    @Autowired PrintQuotas quotas;
    @Autowired JobStore store;
    @Autowired OutcomeRecorder outcomes;
    @Autowired PrintingProperties properties;
    @Autowired World world;
    @Autowired MutableClock clock;

    OrgId org;
    Actor alice;
    DeviceId printer = DeviceId.random();

    PrintJob releasedJob() {
        org = world.customer(world.root(), "Race " + java.util.UUID.randomUUID());
        alice = world.person(org, FixedRole.CUSTOMER_USER).actor();
        var ticket = new JobTicket("Raced", DocumentFormat.PDF, 1, JobTicket.Sides.ONE_SIDED, JobTicket.ColorMode.MONOCHROME,
                "iso_a4_210x297mm", JobTicket.Source.API);
        PrintJob job = jobs.submit(alice, ticket, new ByteArrayInputStream(SampleDocuments.pdf(2)));
        releases.release(alice, job.id(), printer, null);
        return job;
    }

    @Test
    void aReleaseFetchedAfterTheSweepFoundItIsNotHeldAgainAndCannotBeReleasedTwice() throws Exception {
        PrintJob job = releasedJob();
        clock.advance(properties.releaseTimeout());
        Instant now = clock.instant();

        // the sweep finds the release nobody reported on ...
        JobStore.Row found = store.releasedAtOrBefore(now.minus(properties.releaseTimeout()), 500).stream()
                .filter(row -> row.job().id().equals(job.id())).findFirst().orElseThrow();
        // ... the printer fetches the document ...
        try (InputStream document = releases.releasedDocument(org, printer, job.id())) {
            assertThat(document.readAllBytes()).isNotEmpty();
        }
        // ... and the sweep comes to the job
        assertThat(outcomes.timeOut(found.job(), now)).isFalse();

        assertThat(jobs.get(alice, job.id()).state()).isEqualTo(PrintJob.State.RELEASED);
        assertThatThrownBy(() -> releases.release(alice, job.id(), printer, null)).isInstanceOf(ConflictException.class);
        assertThat(quotas.mine(alice).own().monochrome().used()).as("the charge stays").isEqualTo(2);
    }

    @Test
    void aReleaseHeldAgainByTheSweepCannotBeFetched() throws Exception {
        PrintJob job = releasedJob();
        clock.advance(properties.releaseTimeout());
        JobStore.Row found = store.releasedAtOrBefore(clock.instant().minus(properties.releaseTimeout()), 500).stream()
                .filter(row -> row.job().id().equals(job.id())).findFirst().orElseThrow();

        assertThat(outcomes.timeOut(found.job(), clock.instant())).isTrue();

        assertThatThrownBy(() -> releases.releasedDocument(org, printer, job.id())).isInstanceOf(NotFoundException.class);
        assertThat(jobs.get(alice, job.id()).state()).isEqualTo(PrintJob.State.HELD);
        assertThat(quotas.mine(alice).own().monochrome().used()).as("the charge returned").isZero();
    }
}
