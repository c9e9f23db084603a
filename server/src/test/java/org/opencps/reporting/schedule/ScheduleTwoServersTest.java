package org.opencps.reporting.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencps.testing.Eventually.eventually;

import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencps.access.FixedRole;
import org.opencps.platform.ids.OrgId;
import org.opencps.reporting.ExportFormat;
import org.opencps.reporting.schedule.internal.ScheduleRunner;
import org.opencps.testing.EmbeddedPostgresServer;
import org.opencps.testing.RestartableServer;
import org.opencps.testing.World;
import org.opencps.testing.peers.SmtpServer;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two server processes (two application contexts, each with its own connection pool and runner)
 * on one PostgreSQL database and one SMTP server (GreenMail): both run the schedules every 100 ms
 * and, besides, the test makes both run them at the same moment from several threads. Each period
 * is mailed once. Always on PostgreSQL, whatever the test run's database: the claim is a
 * PostgreSQL concern (H2 is the one-process path).
 */
class ScheduleTwoServersTest {

    @TempDir Path dataA;
    @TempDir Path dataB;
    @TempDir Path keys;

    @Test
    void eachPeriodIsMailedOnceWhateverTheNumberOfServers() throws Exception {
        SmtpServer smtp = SmtpServer.start();
        String url = EmbeddedPostgresServer.createDatabase("schedules_" + UUID.randomUUID().toString().replace("-", ""));
        // the processes share the database, and so the master key that wraps its keysets
        String masterKey = keys.resolve("master-key.json").toString();
        try (var a = configured(new RestartableServer(dataA), url, smtp, masterKey);
             var b = configured(new RestartableServer(dataB), url, smtp, masterKey)) {
            a.start();
            b.start();
            World world = a.world();
            OrgId org = world.customer(world.root(), "Two servers Co");
            var admin = world.person(org, FixedRole.CUSTOMER_ADMIN);
            ReportSchedule schedule = a.bean(ReportSchedules.class).create(admin.actor(), org, new NewSchedule("CUSTOMER_CONTRACT",
                    Cadence.DAILY, Set.of(ExportFormat.CSV), "en", Set.of(admin.userId()), Set.of()));
            // made five days and a bit ago: five days are over since, each due once
            Instant made = Instant.now().minus(Duration.ofDays(5)).minus(Duration.ofMinutes(1));
            a.bean(JdbcClient.class).sql("UPDATE reporting_schedule SET created_at = ? WHERE org_id = ? AND id = ?")
                    .params(made.atOffset(ZoneOffset.UTC), org.value(), schedule.id()).update();
            List<String> expected = new ArrayList<>();
            for (LocalDate day = LocalDate.ofInstant(made, ZoneOffset.UTC); day.isBefore(LocalDate.now(ZoneOffset.UTC)); day = day.plusDays(1)) {
                expected.add("Customer contract report, Two servers Co: " + day + " to " + day);
            }

            var start = new CountDownLatch(1);
            List<CompletableFuture<Void>> racers = new ArrayList<>();
            for (RestartableServer server : List.of(a, b, a, b)) {
                ScheduleRunner runner = server.bean(ScheduleRunner.class);
                racers.add(CompletableFuture.runAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    runner.sendDueReports();
                }));
            }
            start.countDown();
            CompletableFuture.allOf(racers.toArray(CompletableFuture[]::new)).join();

            JdbcClient jdbc = b.bean(JdbcClient.class);
            eventually(() -> assertThat(jdbc.sql("SELECT COUNT(*) FROM reporting_schedule_run WHERE org_id = ? AND status = 'SENT'")
                    .param(org.value()).query(Long.class).single()).isEqualTo(expected.size()));
            // once every period is marked sent, neither server sends anything more
            a.bean(ScheduleRunner.class).sendDueReports();
            b.bean(ScheduleRunner.class).sendDueReports();
            List<String> subjects = new ArrayList<>();
            for (MimeMessage mail : smtp.messagesTo(admin.email())) {
                subjects.add(mail.getSubject());
            }
            assertThat(subjects).as("one mail per period").containsExactlyInAnyOrderElementsOf(expected);
        } finally {
            smtp.stop();
        }
    }

    private static RestartableServer configured(RestartableServer server, String url, SmtpServer smtp, String masterKey) {
        return server.set("opencps.secrets.master-key-file", masterKey).set("spring.datasource.url", url).set("spring.datasource.username", "postgres")
                .set("spring.datasource.password", "")
                .set("spring.mail.host", "127.0.0.1").set("spring.mail.port", String.valueOf(smtp.port()))
                .set("opencps.reporting.schedule-check-interval", "100ms");
    }
}
