package org.opencps.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opencps.testing.Api.fromOwnAddress;
import static org.opencps.testing.Api.json;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.platform.ids.DeviceId;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.opencps.platform.security.ActorAuthentication;
import org.opencps.printing.DocumentFormat;
import org.opencps.printing.JobTicket;
import org.opencps.printing.PrintJob;
import org.opencps.printing.PrintJobs;
import org.opencps.printing.PrintQuota;
import org.opencps.printing.PrintQuotas;
import org.opencps.printing.PrintReleases;
import org.opencps.printing.QuotaExceededException;
import org.opencps.printing.ReleaseOptions;
import org.opencps.printing.SampleDocuments;
import org.opencps.scanning.DestinationKind;
import org.opencps.scanning.ScanDelivered;
import org.opencps.scanning.ScanDeliveryFailed;
import org.opencps.testing.Metrics;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/** {@code /actuator/prometheus} with a scrape token: only that token opens it, and the product's counters count. */
@OpenCpsTest
@TestPropertySource(properties = "opencps.metrics.scrape-token=" + Metrics.TOKEN)
class MetricsEndpointTest {

    @Autowired MockMvc mvc;
    @Autowired World world;
    @Autowired PrintJobs jobs;
    @Autowired PrintReleases releases;
    @Autowired PrintQuotas quotas;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transactions;
    @Autowired Clock clock;

    @Test
    void theScrapeTokenOpensTheMetricsAndBootsOwnAreThere() throws Exception {
        // HTTP request metrics appear once a request has been served.
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
        String metrics = scrape();
        assertThat(metrics).contains("http_server_requests_seconds", "jvm_memory_used_bytes", "hikaricp_connections_active",
                "opencps_print_jobs_submitted_total", "opencps_signin_failures_total");
    }

    @Test
    void nothingButTheScrapeTokenOpensThem() throws Exception {
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer wrong-" + Metrics.TOKEN)).andExpect(status().isUnauthorized());
        // A provider administrator's login is no scrape token: the metrics span every organization.
        Actor rootAdmin = world.rootAdmin().actor();
        mvc.perform(get("/actuator/prometheus").with(authentication(new ActorAuthentication(rootAdmin))))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void jobsSubmittedHeldReleasedAndSignInFailuresAreCounted() throws Exception {
        OrgId org = world.customer(world.root(), "Metrics " + UUID.randomUUID());
        Actor alice = world.person(org, FixedRole.CUSTOMER_USER).actor();
        double submitted = value(scrape(), "opencps_print_jobs_submitted_total{source=\"api\"}");
        double held = value(scrape(), "opencps_print_jobs_held_total{how=\"submitted\"}");
        double released = value(scrape(), "opencps_print_jobs_released_total");
        double wrongPasswords = value(scrape(), "opencps_signin_failures_total{method=\"password\",reason=\"wrong_password\"}");

        var ticket = new JobTicket("metrics", DocumentFormat.PDF, 1, JobTicket.Sides.ONE_SIDED, JobTicket.ColorMode.AUTO,
                "iso_a4_210x297mm", JobTicket.Source.API);
        PrintJob job = jobs.submit(alice, ticket, new ByteArrayInputStream(SampleDocuments.pdf(1)));
        releases.release(alice, job.id(), DeviceId.random(), ReleaseOptions.none());
        String email = world.person(org, FixedRole.CUSTOMER_USER).email();
        mvc.perform(json(post("/api/v1/auth/login").with(fromOwnAddress()), "{\"email\":\"" + email + "\",\"password\":\"not-it-1\"}"))
                .andExpect(status().isUnauthorized());

        String after = scrape();
        assertThat(value(after, "opencps_print_jobs_submitted_total{source=\"api\"}")).isEqualTo(submitted + 1);
        assertThat(value(after, "opencps_print_jobs_held_total{how=\"submitted\"}")).isEqualTo(held + 1);
        assertThat(value(after, "opencps_print_jobs_released_total")).isEqualTo(released + 1);
        assertThat(value(after, "opencps_signin_failures_total{method=\"password\",reason=\"wrong_password\"}"))
                .isEqualTo(wrongPasswords + 1);
    }

    /** A release over the person's quota is refused and counted by its reason; scans delivered and failed by destination. */
    @Test
    void refusedReleasesAndScanDeliveriesAreCounted() throws Exception {
        OrgId org = world.customer(world.root(), "Refusals " + UUID.randomUUID());
        Actor admin = world.person(org, FixedRole.CUSTOMER_ADMIN).actor();
        Actor bob = world.person(org, FixedRole.CUSTOMER_USER).actor();
        quotas.set(admin, org, PrintQuota.Scope.USER, bob.userId().value(), 0, 0);
        String series = "opencps_print_releases_refused_total{reason=\"over_quota\"}";
        double refused = value(scrape(), series);
        var ticket = new JobTicket("over quota", DocumentFormat.PDF, 1, JobTicket.Sides.ONE_SIDED, JobTicket.ColorMode.MONOCHROME,
                "iso_a4_210x297mm", JobTicket.Source.API);
        PrintJob job = jobs.submit(bob, ticket, new ByteArrayInputStream(SampleDocuments.pdf(1)));
        assertThatThrownBy(() -> releases.release(bob, job.id(), DeviceId.random(), ReleaseOptions.none()))
                .isInstanceOf(QuotaExceededException.class);
        assertThat(value(scrape(), series)).isEqualTo(refused + 1);
        assertThat(scrape()).as("the other reason is there before any such refusal")
                .containsPattern("(?m)^opencps_print_releases_refused_total\\{reason=\"policy\"\\} ");

        String delivered = "opencps_scans_delivered_total{kind=\"onedrive\"}";
        String failed = "opencps_scans_failed_total{kind=\"email_me\"}";
        double deliveredBefore = value(scrape(), delivered);
        double failedBefore = value(scrape(), failed);
        transactions.executeWithoutResult(status -> {
            events.publishEvent(new ScanDelivered(org, UUID.randomUUID(), bob.userId(), DestinationKind.ONEDRIVE, 1, clock.instant()));
            events.publishEvent(new ScanDeliveryFailed(org, UUID.randomUUID(), bob.userId(), DestinationKind.EMAIL_ME, 3, "refused",
                    clock.instant()));
        });
        // a delivery whose transaction rolls back did not happen
        transactions.executeWithoutResult(status -> {
            events.publishEvent(new ScanDelivered(org, UUID.randomUUID(), bob.userId(), DestinationKind.ONEDRIVE, 1, clock.instant()));
            status.setRollbackOnly();
        });
        String after = scrape();
        assertThat(value(after, delivered)).isEqualTo(deliveredBefore + 1);
        assertThat(value(after, failed)).isEqualTo(failedBefore + 1);
    }

    private String scrape() throws Exception {
        return mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer " + Metrics.TOKEN))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /** The value of the sample line that starts with {@code series} (name and labels as Prometheus writes them). */
    static double value(String exposition, String series) {
        return exposition.lines().filter(line -> line.startsWith(series + " "))
                .map(line -> Double.parseDouble(line.substring(series.length() + 1).trim().split(" ")[0]))
                .findFirst().orElseThrow(() -> new AssertionError("no sample " + series));
    }
}
