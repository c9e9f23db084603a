package org.opencps.audit.internal.siem;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SiemFormatsTest {

    private static final String NASTY = "a|b \\c=d^e\nsecond line\r\tZoë 日本 key=value";
    private final Syslog5424 syslog = new Syslog5424(13, "print.example.com", "opencps");

    static AuditRecord record(String type, String subject, String detail) {
        return new AuditRecord(UUID.randomUUID(), UUID.randomUUID(), Instant.parse("2026-12-07T14:05:20.123456Z"), type,
                UUID.randomUUID(), subject, detail, "2001:db8::7");
    }

    @Test
    void cefCarriesEveryFieldThroughItsEscaping() {
        AuditRecord record = record("PRINT_JOB_RELEASED", NASTY, "to device x=1 \\ " + NASTY);
        var parsed = ParsedSyslog.parse(syslog.message(record, new CefFormat().format(record, "1.2|3")));

        assertThat(parsed.priority()).isEqualTo(13 * 8 + 5);
        assertThat(parsed.timestamp()).isEqualTo("2026-12-07T14:05:20.123456Z");
        assertThat(parsed.hostname()).isEqualTo("print.example.com");
        assertThat(parsed.appName()).isEqualTo("opencps");
        assertThat(parsed.procId()).isEqualTo("-");
        assertThat(parsed.msgId()).isEqualTo("PRINT_JOB_RELEASED");
        assertThat(parsed.structuredData()).isEqualTo("-");
        assertThat(parsed.header()).containsExactly("CEF:0", "OpenCPS", "OpenCPS", "1.2|3", "PRINT_JOB_RELEASED",
                "print job released", "3");
        assertThat(parsed.fields()).containsEntry("rt", Long.toString(record.occurredAt().toEpochMilli()))
                .containsEntry("externalId", record.id().toString())
                .containsEntry("cat", "PRINT_JOB_RELEASED")
                .containsEntry("outcome", "success")
                .containsEntry("cs1Label", "organization").containsEntry("cs1", record.org().toString())
                .containsEntry("suid", record.actor().toString())
                .containsEntry("src", "2001:db8::7")
                .containsEntry("cs2Label", "subject").containsEntry("cs2", NASTY)
                .containsEntry("msg", "to device x=1 \\ " + NASTY)
                .hasSize(11);
    }

    @Test
    void leefCarriesEveryFieldThroughItsEscaping() {
        AuditRecord record = record("LOGIN_FAILED", NASTY, NASTY + "^");
        var parsed = ParsedSyslog.parse(syslog.message(record, new LeefFormat().format(record, "1.0")));

        assertThat(parsed.priority()).as("a refusal is a warning").isEqualTo(13 * 8 + 4);
        assertThat(parsed.header()).containsExactly("LEEF:2.0", "OpenCPS", "OpenCPS", "1.0", "LOGIN_FAILED", "^");
        assertThat(parsed.fields()).containsEntry("devTime", "2026-12-07T14:05:20.123Z")
                .containsEntry("devTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSX")
                .containsEntry("cat", "LOGIN_FAILED").containsEntry("sev", "7")
                .containsEntry("externalId", record.id().toString())
                .containsEntry("organization", record.org().toString())
                .containsEntry("usrName", record.actor().toString())
                .containsEntry("src", "2001:db8::7")
                .containsEntry("resource", NASTY)
                .containsEntry("msg", NASTY + "^")
                .hasSize(10);
        assertThat(parsed.body()).as("no raw line break inside the message").doesNotContain("\n", "\r");
    }

    @Test
    void headerFieldsEscapePipesAndBackslashesAndDropLineBreaks() {
        assertThat(CefFormat.header("a|b\\c\nd")).isEqualTo("a\\|b\\\\c d");
        assertThat(CefFormat.extensionValue("x=y\\z\r\n")).isEqualTo("x\\=y\\\\z\\r\\n");
        assertThat(LeefFormat.value("x^y\\z=\n")).isEqualTo("x\\^y\\\\z=\\n");
    }

    @Test
    void aRecordWithoutOrganizationActorOrAddressLeavesThoseFieldsOut() {
        var record = new AuditRecord(UUID.randomUUID(), null, Instant.EPOCH, "SYSTEM_STARTED", null, null, null, null);
        var cef = ParsedSyslog.parse(syslog.message(record, new CefFormat().format(record, "1")));
        assertThat(cef.fields()).containsOnlyKeys("rt", "externalId", "cat", "outcome");
        var leef = ParsedSyslog.parse(syslog.message(record, new LeefFormat().format(record, "1")));
        assertThat(leef.fields()).containsOnlyKeys("devTime", "devTimeFormat", "cat", "sev", "externalId");
    }

    @Test
    void syslogHeaderFieldsArePrintableAsciiAndBounded() {
        assertThat(Syslog5424.headerField("a b\tc", 48)).isEqualTo("a_b_c");
        assertThat(Syslog5424.headerField("X".repeat(40), 32)).hasSize(32);
        assertThat(Syslog5424.headerField("", 32)).isEqualTo("-");
        assertThat(new String(Syslog5424.octetCounted("héllo".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("6 héllo");
    }
}
