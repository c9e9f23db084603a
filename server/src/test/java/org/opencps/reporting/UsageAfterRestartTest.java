package org.opencps.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencps.testing.Eventually.eventually;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencps.access.FixedRole;
import org.opencps.platform.ids.DeviceId;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.opencps.printing.DocumentFormat;
import org.opencps.printing.JobTicket;
import org.opencps.printing.PrintJob;
import org.opencps.printing.PrintJobs;
import org.opencps.printing.PrintOutcome;
import org.opencps.printing.PrintReleases;
import org.opencps.printing.SampleDocuments;
import org.opencps.testing.RestartableServer;
import org.opencps.testing.World;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A printed job whose usage could not be recorded (the usage table was away when the event came)
 * is not lost: the server is stopped with the event undelivered, and after the restart the job's
 * usage is recorded, once, and the event is done.
 */
class UsageAfterRestartTest {

    @TempDir Path dataDir;

    @Test
    void aUsageRecordThatFailedIsRecordedOnceAfterARestart() {
        try (var server = new RestartableServer(dataDir)) {
            server.set("opencps.events.retry-interval", "1d").start();
            World world = server.world();
            OrgId org = world.customer(world.root(), "Restart usage");
            Actor alice = world.person(org, FixedRole.CUSTOMER_USER).actor();
            JdbcClient jdbc = server.bean(JdbcClient.class);
            jdbc.sql("ALTER TABLE reporting_usage RENAME TO reporting_usage_away").update();
            PrintJob job = print(server, org, alice, 4);
            eventually(() -> assertThat(failed(jdbc)).as("the listener failed; the event waits").isEqualTo(1));
            jdbc.sql("ALTER TABLE reporting_usage_away RENAME TO reporting_usage").update();
            assertThat(usageRows(jdbc, org)).isZero();

            server.stop();
            server.set("opencps.events.retry-interval", "200ms").set("opencps.events.retry-after", "0s").start();

            JdbcClient after = server.bean(JdbcClient.class);
            eventually(() -> assertThat(undelivered(after)).as("delivered after the restart").isZero());
            assertThat(usageRows(after, org)).isEqualTo(1);
            assertThat(server.bean(UsageReports.class).mine(alice).recent()).singleElement().satisfies(record -> {
                assertThat(record.jobId()).isEqualTo(job.id());
                assertThat(record.reportedPages()).isEqualTo(4);
            });
        }
    }

    private static long failed(JdbcClient jdbc) {
        return jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE listener_id LIKE '%UsageRecorder%' AND status = 'FAILED'")
                .query(Long.class).single();
    }

    private static long undelivered(JdbcClient jdbc) {
        return jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE listener_id LIKE '%UsageRecorder%' AND completion_date IS NULL")
                .query(Long.class).single();
    }

    private static long usageRows(JdbcClient jdbc, OrgId org) {
        return jdbc.sql("SELECT COUNT(*) FROM reporting_usage WHERE org_id = ?").param(org.value()).query(Long.class).single();
    }

    private static PrintJob print(RestartableServer server, OrgId org, Actor owner, int pages) {
        var ticket = new JobTicket("restart", DocumentFormat.PDF, 1, JobTicket.Sides.ONE_SIDED, JobTicket.ColorMode.MONOCHROME,
                "iso_a4_210x297mm", JobTicket.Source.API);
        PrintJob job = server.bean(PrintJobs.class).submit(owner, ticket, new ByteArrayInputStream(SampleDocuments.pdf(pages)));
        DeviceId printer = DeviceId.random();
        server.bean(PrintReleases.class).release(owner, job.id(), printer, null);
        server.bean(PrintReleases.class).reportOutcome(org, printer, job.id(), new PrintOutcome(true, pages, 0, pages, false, null));
        return job;
    }
}
