package org.opencps.ipp.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.hp.jipp.encoding.IppInputStream;
import com.hp.jipp.encoding.IppOutputStream;
import com.hp.jipp.encoding.IppPacket;
import com.hp.jipp.encoding.Tag;
import com.hp.jipp.model.Status;
import com.hp.jipp.model.Types;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.opencps.ipp.PrintQueue;
import org.opencps.ipp.internal.IppProperties;
import org.opencps.ipp.internal.persistence.IppJobStore;
import org.opencps.platform.config.OpenCpsProperties;
import org.opencps.platform.config.PublicUrl;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.platform.security.Actor;
import org.opencps.testing.FakePrintJobs;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.util.unit.DataSize;

/**
 * Any bytes posted to a queue are read and dispatched without an exception escaping, and the
 * answer is a well-formed IPP response: version, the request's id once the header arrived, the
 * operation attributes in their place, a status, and never server-error-internal-error. Runs the
 * seed corpus (IppRequestFuzzTestInputs) in every build; with JAZZER_FUZZ=1 it fuzzes (see README).
 * The dispatcher runs as in the server, on a real H2 database, with the stand-in PrintJobs.
 */
class IppRequestFuzzTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T12:00:00Z"), ZoneOffset.UTC);
    private static final int RESET_EVERY = 500;

    private static IppDispatcher dispatcher;
    private static IppContext context;
    private static JdbcClient jdbc;
    private static FakePrintJobs printJobs;
    private static int calls;

    @BeforeAll
    static void dispatcherOnAFreshDatabase() {
        var dataSource = new SimpleDriverDataSource(new org.h2.Driver(),
                "jdbc:h2:mem:ipp-fuzz-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/common", "classpath:db/migration/h2")
                .load().migrate();
        jdbc = JdbcClient.create(dataSource);
        var queue = new PrintQueue(OrgId.random(), UUID.randomUUID(), new UserId(UUID.randomUUID()), true, CLOCK.instant(), null);
        jdbc.sql("INSERT INTO ipp_queue (org_id, id, user_id, created_at) VALUES (?, ?, ?, ?)")
                .params(queue.orgId().value(), queue.id(), queue.userId().value(), CLOCK.instant().atOffset(ZoneOffset.UTC)).update();
        printJobs = new FakePrintJobs(CLOCK);
        var ipp = new IppProperties(false, DataSize.ofMegabytes(1), "iso_a4_210x297mm");
        var properties = new OpenCpsProperties(Path.of("target/fuzz-data"), URI.create("https://print.example.com"),
                new OpenCpsProperties.Security(3, Duration.ofMinutes(30), Duration.ofMinutes(30), Duration.ofDays(7), false,
                        Duration.ofDays(90), DataSize.ofKilobytes(64), 30),
                new OpenCpsProperties.Mail("OpenCPS <no-reply@opencps.invalid>"), new OpenCpsProperties.Bootstrap(null, null, "Root"));
        var jobs = new IppJobStore(jdbc);
        var jobOperations = new JobOperations(printJobs, jobs, CLOCK);
        dispatcher = new IppDispatcher(new PrinterAttributes(CLOCK, ipp, PublicUrl.of(properties.publicUrl())), jobOperations,
                new DocumentOperations(printJobs, jobs, jobOperations, CLOCK, ipp));
        context = new IppContext(queue, new Actor(queue.userId(), queue.orgId()), "fuzz@example.com",
                URI.create("ipp://127.0.0.1:631/ipp/secret/fuzz"), false, IppContext.Authentication.REQUESTING_USER_NAME);
    }

    @FuzzTest(maxDuration = "30s")
    void anyRequestGetsAWellFormedIppResponse(byte[] input) throws IOException {
        if (++calls % RESET_EVERY == 0) {
            jdbc.sql("DELETE FROM ipp_job").update();
            printJobs.clear();
        }
        IppPacket response;
        try {
            response = dispatcher.handle(context, IppRequestReader.read(new ByteArrayInputStream(input)));
        } catch (MalformedIppRequest malformed) {
            response = dispatcher.malformed(malformed);
        }

        var bytes = new ByteArrayOutputStream();
        new IppOutputStream(bytes).write(response);
        IppPacket parsed = new IppInputStream(new ByteArrayInputStream(bytes.toByteArray())).readPacket();
        assertThat(parsed.getVersionNumber() >> 8).isBetween(1, 2);
        assertThat(Status.Companion.get(parsed.getCode())).isNotEqualTo(Status.serverErrorInternalError);
        if (input.length >= 8 && (input[0] == 1 || input[0] == 2)) {
            int requestId = ((input[4] & 0xFF) << 24) | ((input[5] & 0xFF) << 16) | ((input[6] & 0xFF) << 8) | (input[7] & 0xFF);
            assertThat(parsed.getRequestId()).isEqualTo(requestId);
        }
        var operation = parsed.getAttributeGroups().get(0);
        assertThat(operation.getTag()).isEqualTo(Tag.operationAttributes);
        assertThat(operation.get(0).getName()).isEqualTo(Types.attributesCharset.getName());
        assertThat(operation.get(1).getName()).isEqualTo(Types.attributesNaturalLanguage.getName());
    }
}
