package org.opencps.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opencps.testing.Eventually.eventually;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.platform.errors.InvalidInputException;
import org.opencps.platform.ids.DeviceId;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.opencps.printing.DocumentFormat;
import org.opencps.printing.JobTicket;
import org.opencps.printing.PrintAdministration;
import org.opencps.printing.PrintJob;
import org.opencps.printing.PrintJobs;
import org.opencps.printing.PrintQuota;
import org.opencps.printing.PrintQuotas;
import org.opencps.printing.PrintReleases;
import org.opencps.printing.PrintSettings;
import org.opencps.printing.QuotaExceededException;
import org.opencps.printing.ReleaseOptions;
import org.opencps.printing.SampleDocuments;
import org.opencps.testing.MutableClock;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;

/** Releases printing refuses, over a quota or by the print policy, are counted in the reports by reason. */
@OpenCpsTest
class RefusedReleaseReportTest {

    @Autowired World world;
    @Autowired MutableClock clock;
    @Autowired PrintJobs jobs;
    @Autowired PrintReleases releases;
    @Autowired PrintQuotas quotas;
    @Autowired PrintAdministration printing;
    @Autowired UsageReports reports;

    @Test
    void refusalsAreCountedByReasonForThePersonAndTheOrganization() {
        OrgId org = world.customer(world.root(), "Refusals " + UUID.randomUUID());
        Actor admin = world.person(org, FixedRole.CUSTOMER_ADMIN).actor();
        Actor alice = world.person(org, FixedRole.CUSTOMER_USER).actor();
        DeviceId printer = DeviceId.random();
        quotas.set(admin, org, PrintQuota.Scope.USER, alice.userId().value(), 1, null);

        PrintJob colour = submit(alice, JobTicket.ColorMode.COLOR, 3);
        assertThatThrownBy(() -> releases.release(alice, colour.id(), printer, null)).isInstanceOf(QuotaExceededException.class);
        printing.updateSettings(admin, org, new PrintSettings(true, true, false, null, null));
        assertThatThrownBy(() -> releases.release(alice, colour.id(), printer,
                new ReleaseOptions(null, JobTicket.ColorMode.COLOR, null))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> releases.release(alice, colour.id(), printer, new ReleaseOptions(0, null, null)))
                .as("a malformed request is no refusal").isInstanceOf(InvalidInputException.class);

        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        eventually(() -> {
            UsageReport report = reports.report(admin, org, new UsageReportRequest(UsageReportRequest.Dimension.PERSON,
                    UsageReportRequest.Per.DAY, today, today, alice.userId().value()));
            assertThat(report.total().refusedOverQuota()).isEqualTo(1);
            assertThat(report.total().refusedByPolicy()).isEqualTo(1);
        });
        UsageReport organization = reports.report(admin, org, new UsageReportRequest(null, UsageReportRequest.Per.DAY, today,
                today, null));
        assertThat(organization.total().refusedOverQuota()).isEqualTo(1);
        assertThat(organization.total().refusedByPolicy()).isEqualTo(1);
        assertThat(organization.total().jobs()).as("refused releases printed nothing").isZero();
    }

    private PrintJob submit(Actor owner, JobTicket.ColorMode mode, int pages) {
        var ticket = new JobTicket("refused", DocumentFormat.PDF, 1, JobTicket.Sides.ONE_SIDED, mode, "iso_a4_210x297mm",
                JobTicket.Source.API);
        return jobs.submit(owner, ticket, new ByteArrayInputStream(SampleDocuments.pdf(pages)));
    }
}
