package org.opencps.audit.internal.siem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencps.testing.peers.Poll;
import org.opencps.testing.peers.PrivateRsyslog;

/**
 * Our syslog messages, over TLS (server certificate checked against the test CA, our client
 * certificate presented), plain TCP and UDP, into a real rsyslogd; what rsyslog parsed and wrote is
 * read back and every field compared.
 */
class RsyslogTransportsTest {

    @TempDir
    static Path dir;
    static TestPki pki;
    static PrivateRsyslog rsyslog;

    @BeforeAll
    static void start() throws Exception {
        pki = TestPki.create(dir.resolve("pki"));
        rsyslog = PrivateRsyslog.start(dir.resolve("rsyslog"), pki.forReceiver());
    }

    @AfterAll
    static void stop() {
        if (rsyslog != null) {
            rsyslog.close();
        }
    }

    @Test
    void cefOverTlsWithAClientCertificate() throws Exception {
        var target = target(SiemTarget.Transport.TLS, rsyslog.tlsPort(), SiemTarget.Format.CEF, "localhost");
        var transport = new SyslogTransport(target, pki.clientBundle(true).createSslContext());
        sendAndCompare(transport, target, new CefFormat());
    }

    @Test
    void leefOverPlainTcp() throws Exception {
        var target = target(SiemTarget.Transport.TCP, rsyslog.tcpPort(), SiemTarget.Format.LEEF, "127.0.0.1");
        sendAndCompare(new SyslogTransport(target, null), target, new LeefFormat());
    }

    @Test
    void cefOverUdp() throws Exception {
        var target = target(SiemTarget.Transport.UDP, rsyslog.udpPort(), SiemTarget.Format.CEF, "127.0.0.1");
        sendAndCompare(new SyslogTransport(target, null), target, new CefFormat());
    }

    @Test
    void aReceiverWhoseCertificateDoesNotNameTheHostIsRefused() {
        // 127.0.0.1 is the listener's address, but its certificate names localhost only.
        var target = target(SiemTarget.Transport.TLS, rsyslog.tlsPort(), SiemTarget.Format.CEF, "127.0.0.1");
        var transport = new SyslogTransport(target, pki.clientBundle(true).createSslContext());
        assertThatThrownBy(() -> transport.send(List.of(new Syslog5424(13, "h", "opencps")
                .message(SiemFormatsTest.record("X", "s", "d"), "body")))).isInstanceOf(SSLException.class);
    }

    @Test
    void aReceiverOfAnotherCaIsRefused() throws Exception {
        TestPki other = TestPki.create(dir.resolve("other-pki"));
        var target = target(SiemTarget.Transport.TLS, rsyslog.tlsPort(), SiemTarget.Format.CEF, "localhost");
        var transport = new SyslogTransport(target, other.clientBundle(false).createSslContext());
        assertThatThrownBy(() -> transport.send(List.of(new Syslog5424(13, "h", "opencps")
                .message(SiemFormatsTest.record("X", "s", "d"), "body")))).isInstanceOf(SSLException.class);
    }

    private static SiemTarget target(SiemTarget.Transport transport, int port, SiemTarget.Format format, String host) {
        return new SiemTarget("test", transport, host, port, format, transport == SiemTarget.Transport.TLS ? "siem" : null, 13,
                "print.example.com", Duration.ofSeconds(10));
    }

    private static void sendAndCompare(SyslogTransport transport, SiemTarget target, MessageFormat format) throws Exception {
        var syslog = new Syslog5424(target.facility(), target.hostname(), "opencps");
        String marker = UUID.randomUUID().toString();
        List<AuditRecord> records = new ArrayList<>();
        List<byte[]> messages = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            var record = new AuditRecord(UUID.randomUUID(), UUID.randomUUID(), Instant.parse("2026-12-07T14:05:20.123456Z").plusSeconds(i),
                    i % 2 == 0 ? "PRINT_JOB_RELEASED" : "LOGIN_FAILED", UUID.randomUUID(), marker + " #" + i + " a|b=c^d\\e",
                    "line one\nline two\r Zoë 日本 x=y", "192.0.2." + (i + 1));
            records.add(record);
            messages.add(syslog.message(record, format.format(record, "1.0")));
        }
        transport.send(messages);

        List<ParsedSyslog> received = Poll.until(Duration.ofSeconds(20), "rsyslog to write the 5 messages", () -> {
            List<ParsedSyslog> ours = rsyslog.received().stream().filter(line -> line.contains(marker))
                    .map(line -> ParsedSyslog.parse(line.getBytes(StandardCharsets.UTF_8))).toList();
            return Optional.of(ours).filter(list -> list.size() == records.size());
        }, rsyslog::logTail);

        for (int i = 0; i < records.size(); i++) {
            AuditRecord record = records.get(i);
            ParsedSyslog line = received.get(i);
            assertThat(line.priority()).isEqualTo(13 * 8 + (record.refusal() ? 4 : 5));
            assertThat(OffsetDateTime.parse(line.timestamp()).toInstant()).isEqualTo(record.occurredAt());
            assertThat(line.hostname()).isEqualTo("print.example.com");
            assertThat(line.appName()).isEqualTo("opencps");
            assertThat(line.procId()).isEqualTo("-");
            assertThat(line.msgId()).isEqualTo(record.type());
            assertThat(line.structuredData()).isEqualTo("-");
            var expected = ParsedSyslog.parse(syslog.message(record, format.format(record, "1.0")));
            assertThat(line.header()).isEqualTo(expected.header());
            assertThat(line.fields()).isEqualTo(expected.fields());
            assertThat(line.fields()).containsValue(record.subject()).containsValue(record.detail())
                    .containsValue(record.id().toString()).containsValue(record.sourceIp());
        }
    }
}
