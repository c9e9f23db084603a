package org.opencps.audit.internal.siem;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.opencps.audit.internal.persistence.AuditLog;
import org.opencps.testing.Metrics;
import org.opencps.platform.ids.OrgId;
import org.opencps.testing.MutableClock;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.peers.Poll;
import org.opencps.testing.peers.PrivateRsyslog;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The audit trail forwarded by the server to a real rsyslogd over TLS (the CA and client certificate
 * from an SSL bundle): every record arrives, in order per organization, also when rsyslog is stopped
 * mid-stream and started again; meanwhile the backlog metric counts what waits.
 */
@OpenCpsTest
class SiemForwardingTest {

    static Path dir;
    static TestPki pki;
    static PrivateRsyslog rsyslog;

    @DynamicPropertySource
    static void siem(DynamicPropertyRegistry registry) throws Exception {
        dir = Files.createTempDirectory("opencps-siem-");
        pki = TestPki.create(dir.resolve("pki"));
        rsyslog = PrivateRsyslog.start(dir.resolve("rsyslog"), pki.forReceiver());
        registry.add("opencps.siem.host", () -> "localhost");
        registry.add("opencps.siem.port", rsyslog::tlsPort);
        registry.add("opencps.siem.transport", () -> "tls");
        registry.add("opencps.siem.format", () -> "cef");
        registry.add("opencps.siem.ssl-bundle", () -> "siem");
        registry.add("opencps.siem.hostname", () -> "opencps.test");
        registry.add("opencps.siem.send-interval", () -> "200ms");
        registry.add("opencps.siem.batch-size", () -> "7");
        registry.add("spring.ssl.bundle.pem.siem.truststore.certificate", () -> "file:" + pki.caFile());
        registry.add("spring.ssl.bundle.pem.siem.keystore.certificate", () -> "file:" + pki.clientCertificate());
        registry.add("spring.ssl.bundle.pem.siem.keystore.private-key", () -> "file:" + pki.clientKey());
        registry.add("opencps.metrics.scrape-token", () -> Metrics.TOKEN);
    }

    @AfterAll
    static void stop() {
        if (rsyslog != null) {
            rsyslog.close();
        }
    }

    @Autowired AuditLog auditLog;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    @Test
    void everyRecordArrivesWithItsFieldsInOrderPerOrganization() {
        OrgId first = OrgId.random();
        OrgId second = OrgId.random();
        List<UUID> firstIds = new ArrayList<>();
        List<UUID> secondIds = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            firstIds.add(record(first, "MEMBER_ROLES_CHANGED", "member " + i, "roles a|b=c\nnext " + i));
            secondIds.add(record(second, "LOGIN_FAILED", "account " + i, "wrong password"));
        }

        assertThat(arrivedInOrder(first, firstIds)).containsExactlyElementsOf(firstIds);
        assertThat(arrivedInOrder(second, secondIds)).containsExactlyElementsOf(secondIds);
        ParsedSyslog one = linesOf(first).getFirst();
        var row = jdbc.sql("SELECT type, subject, detail, source_ip, occurred_at FROM audit_event WHERE id = ?")
                .param(firstIds.getFirst()).query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getObject(5, java.time.OffsetDateTime.class).toInstant().toEpochMilli() + ""))
                .single();
        assertThat(one.priority()).isEqualTo(13 * 8 + 5);
        assertThat(one.hostname()).isEqualTo("opencps.test");
        assertThat(one.appName()).isEqualTo("opencps");
        assertThat(one.msgId()).isEqualTo(row.get(0));
        assertThat(one.header().subList(0, 5)).containsExactly("CEF:0", "OpenCPS", "OpenCPS", ProductName.version(), row.get(0));
        assertThat(one.fields()).containsEntry("cs2", row.get(1)).containsEntry("msg", row.get(2))
                .containsEntry("src", row.get(3)).containsEntry("rt", row.get(4)).containsEntry("cs1", first.toString())
                .containsEntry("externalId", firstIds.getFirst().toString());
    }

    @Test
    void nothingIsLostWhenTheSiemStopsMidStreamAndComesBack() throws Exception {
        OrgId org = OrgId.random();
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ids.add(record(org, "PRINT_JOB_RELEASED", "job " + i, "before the stop"));
        }
        Poll.until(Duration.ofSeconds(30), "some records to arrive", () -> Optional.of(linesOf(org).size()).filter(n -> n >= 3),
                rsyslog::logTail);
        rsyslog.stop();
        for (int i = 10; i < 30; i++) {
            ids.add(record(org, "PRINT_JOB_RELEASED", "job " + i, "while the SIEM is down"));
        }
        double waiting = Poll.until(Duration.ofSeconds(30), "the forwarder to fail against the stopped SIEM", () -> {
            double failures = metric("opencps_siem_send_failures_total{target=\"deployment\"}");
            return failures > 0 ? Optional.of(metric("opencps_siem_backlog_records{target=\"deployment\"}")) : Optional.empty();
        }, () -> "no failure counted");
        assertThat(waiting).as("the backlog counts what waits").isGreaterThanOrEqualTo(20);

        rsyslog.startAgain();
        assertThat(arrivedInOrder(org, ids)).containsExactlyElementsOf(ids);
        Poll.until(Duration.ofSeconds(30), "the backlog to empty",
                () -> Optional.of(true).filter(ok -> metric("opencps_siem_backlog_records{target=\"deployment\"}") == 0), () -> "");
    }

    private UUID record(OrgId org, String type, String subject, String detail) {
        clock.advance(Duration.ofMillis(1));
        auditLog.record(org, type, null, subject, detail, "192.0.2.9");
        return jdbc.sql("SELECT id FROM audit_event WHERE org_id = ? AND subject = ? ORDER BY occurred_at DESC")
                .params(org.value(), subject).query(UUID.class).list().getFirst();
    }

    /** The records' ids as they first arrived (a batch sent again after a failure may repeat some), once all did. */
    private List<UUID> arrivedInOrder(OrgId org, List<UUID> expected) {
        return Poll.until(Duration.ofSeconds(60), expected.size() + " records of " + org + " to arrive", () -> {
            var firstArrivals = new LinkedHashSet<UUID>();
            linesOf(org).forEach(line -> firstArrivals.add(UUID.fromString(line.fields().get("externalId"))));
            return Optional.of(List.copyOf(firstArrivals)).filter(arrived -> arrived.containsAll(expected));
        }, rsyslog::logTail);
    }

    private List<ParsedSyslog> linesOf(OrgId org) {
        return rsyslog.received().stream().filter(line -> line.contains("cs1=" + org))
                .map(line -> ParsedSyslog.parse(line.getBytes(StandardCharsets.UTF_8))).toList();
    }

    private double metric(String series) {
        return Metrics.value(Metrics.scrape(mvc), series);
    }
}
