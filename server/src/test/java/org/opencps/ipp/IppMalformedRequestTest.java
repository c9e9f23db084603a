package org.opencps.ipp;

import static org.assertj.core.api.Assertions.assertThat;

import com.hp.jipp.encoding.IppPacket;
import com.hp.jipp.model.Operation;
import com.hp.jipp.model.Status;
import com.hp.jipp.model.Types;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.platform.ids.OrgId;
import org.opencps.printing.PrintJobs;
import org.opencps.printing.SampleDocuments;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Broken, oversized or lying requests get the IPP status that names the problem, in an HTTP 200
 * IPP response (never a 500), and store no job.
 */
@OpenCpsTest
class IppMalformedRequestTest {

    @Autowired MockMvc mvc;
    @Autowired World world;
    @Autowired PrintQueues queues;
    @Autowired PrintJobs printJobs;
    @Autowired JdbcClient jdbc;

    IppCalls calls;
    OrgId org;
    World.Person person;
    String path;
    String auth;

    @BeforeEach
    void queue() {
        calls = new IppCalls(mvc);
        org = world.customer(world.root(), Ipp.unique("Malformed Co"));
        person = world.person(org, FixedRole.CUSTOMER_USER);
        path = "/ipp/print/" + queues.mine(person.actor()).id();
        auth = Ipp.basic(person.email(), World.PASSWORD);
    }

    @AfterEach
    void nothingStored() {
        assertThat(printJobs.mine(person.actor())).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ipp_job WHERE org_id = ?").param(org.value()).query(Integer.class).single()).isZero();
    }

    @Test
    void truncatedRequests() throws Exception {
        assertThat(status(new byte[] {2, 0, 0})).isEqualTo(Status.clientErrorBadRequest);
        assertThat(status(RawIpp.getPrinterAttributes().unfinished())).isEqualTo(Status.clientErrorBadRequest);
        byte[] whole = Ipp.bytes(Ipp.printJob("application/pdf").build(), new byte[0]);
        assertThat(status(Arrays.copyOf(whole, whole.length - 5))).isEqualTo(Status.clientErrorBadRequest);
    }

    @Test
    void wrongVersions() throws Exception {
        for (int version : new int[] {0x0000, 0x0300, 0x0A01}) {
            var response = call(new RawIpp(version, 0x000B, 9).tag(0x01).attribute(0x47, "attributes-charset", "utf-8").end());
            assertThat(Ipp.status(response)).isEqualTo(Status.serverErrorVersionNotSupported);
            assertThat(response.getRequestId()).isEqualTo(9);
            assertThat(response.getVersionNumber()).isEqualTo(0x0101);
        }
    }

    @Test
    void badTags() throws Exception {
        assertThat(status(RawIpp.getPrinterAttributes().tag(0x00).end())).isEqualTo(Status.clientErrorBadRequest);
        assertThat(status(RawIpp.getPrinterAttributes().tag(0x0F).end())).isEqualTo(Status.clientErrorBadRequest);
        assertThat(status(RawIpp.getPrinterAttributes().attribute(0x7F, "extended", new byte[4]).end())).isEqualTo(Status.clientErrorBadRequest);
        assertThat(status(new RawIpp(0x0200, 0x000B, 1).attribute(0x47, "attributes-charset", "utf-8").end()))
                .isEqualTo(Status.clientErrorBadRequest);
        assertThat(status(RawIpp.getPrinterAttributes().attribute(0x4A, "", "member").end())).isEqualTo(Status.clientErrorBadRequest);
        assertThat(status(RawIpp.getPrinterAttributes().attribute(0x37, "", new byte[0]).end())).isEqualTo(Status.clientErrorBadRequest);
        assertThat(status(RawIpp.getPrinterAttributes().attribute(0x21, "copies", new byte[3]).end())).isEqualTo(Status.clientErrorBadRequest);
        assertThat(status(RawIpp.getPrinterAttributes().attribute(0x34, "media-col", new byte[0]).end())).isEqualTo(Status.clientErrorBadRequest);
    }

    @Test
    void oversizedRequests() throws Exception {
        byte[] long2000 = "x".repeat(2000).getBytes(StandardCharsets.UTF_8);
        assertThat(status(RawIpp.getPrinterAttributes().attribute(0x41, "job-name", long2000).end()))
                .isEqualTo(Status.clientErrorRequestValueTooLong);
        assertThat(status(RawIpp.getPrinterAttributes().attribute(0x44, "n".repeat(300), "x").end()))
                .isEqualTo(Status.clientErrorRequestValueTooLong);
        var many = RawIpp.getPrinterAttributes().attribute(0x44, "requested-attributes", "all");
        for (int i = 0; i < 1_000; i++) {
            many.attribute(0x44, "", "printer-name");
        }
        assertThat(status(many.end())).isEqualTo(Status.clientErrorRequestEntityTooLarge);
        var large = RawIpp.getPrinterAttributes();
        for (int i = 0; i < 70; i++) {
            large.attribute(0x41, "x-" + i, "y".repeat(1000));
        }
        assertThat(status(large.end())).isEqualTo(Status.clientErrorRequestEntityTooLarge);
        var deep = RawIpp.getPrinterAttributes().attribute(0x34, "media-col", new byte[0]);
        for (int i = 0; i < 9; i++) {
            deep.attribute(0x4A, "", "media-size").attribute(0x34, "", new byte[0]);
        }
        assertThat(status(deep.end())).isEqualTo(Status.clientErrorBadRequest);
    }

    @Test
    void missingOrMisorderedOperationAttributes() throws Exception {
        assertThat(status(new RawIpp(0x0200, 0x000B, 3).end())).isEqualTo(Status.clientErrorBadRequest);
        assertThat(status(new RawIpp(0x0200, 0x000B, 3).tag(0x01).end())).isEqualTo(Status.clientErrorBadRequest);
        assertThat(status(new RawIpp(0x0200, 0x000B, 3).tag(0x01).attribute(0x48, "attributes-natural-language", "en")
                .attribute(0x47, "attributes-charset", "utf-8").attribute(0x45, "printer-uri", "ipp://x/").end()))
                .isEqualTo(Status.clientErrorBadRequest);
        assertThat(status(new RawIpp(0x0200, 0x000B, 3).tag(0x01).attribute(0x47, "attributes-charset", "utf-8")
                .attribute(0x48, "attributes-natural-language", "en").end())).isEqualTo(Status.clientErrorBadRequest);
        assertThat(status(new RawIpp(0x0200, 0x000B, 0).tag(0x01).attribute(0x47, "attributes-charset", "utf-8")
                .attribute(0x48, "attributes-natural-language", "en").attribute(0x45, "printer-uri", "ipp://x/").end()))
                .isEqualTo(Status.clientErrorBadRequest);
        assertThat(status(new RawIpp(0x0200, 0x000B, 3).tag(0x01).attribute(0x47, "attributes-charset", "iso-8859-1")
                .attribute(0x48, "attributes-natural-language", "en").attribute(0x45, "printer-uri", "ipp://x/").end()))
                .isEqualTo(Status.clientErrorCharsetNotSupported);
        assertThat(status(new RawIpp(0x0200, 0x000B, 3).tag(0x01).attribute(0x47, "attributes-charset", "utf-8")
                .attribute(0x48, "attributes-natural-language", "en").attribute(0x44, "printer-uri", "not a uri").end()))
                .isEqualTo(Status.clientErrorBadRequest);
        assertThat(Ipp.status(calls.ipp(path, Ipp.bytes(Ipp.request(Operation.sendDocument)), auth))).isEqualTo(Status.clientErrorBadRequest);
        assertThat(Ipp.status(calls.ipp(path, Ipp.bytes(Ipp.request(Operation.printUri)), auth)))
                .isEqualTo(Status.serverErrorOperationNotSupported);
    }

    @Test
    void documentsThatAreNotWhatTheySay() throws Exception {
        assertThat(print("text/plain", "hello".getBytes(StandardCharsets.UTF_8))).isEqualTo(Status.clientErrorDocumentFormatNotSupported);
        assertThat(print("application/octet-stream", "hello".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(Status.clientErrorDocumentFormatNotSupported);
        assertThat(print("application/pdf", Ipp.jpeg(true))).isEqualTo(Status.clientErrorDocumentFormatError);
        assertThat(print("application/pdf", "%PDF-1.7 and then nothing".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo(Status.clientErrorDocumentFormatError);
        assertThat(print("image/pwg-raster", Ipp.pdf(1))).isEqualTo(Status.clientErrorDocumentFormatError);
        assertThat(print("application/pdf", new byte[0])).isEqualTo(Status.clientErrorBadRequest);
    }

    @Test
    void aDocumentPastAPageOrDecodingLimitIsTooLarge() throws Exception {
        assertThat(print("application/pdf", Ipp.pdf(20_000))).isEqualTo(Status.clientErrorRequestEntityTooLarge);
        assertThat(print("image/urf", SampleDocuments.hostileUrf(10_000, 65_535, 65_535)))
                .isEqualTo(Status.clientErrorRequestEntityTooLarge);
        assertThat(print("image/pwg-raster", SampleDocuments.hostilePwg(1, 65_535, 2048)))
                .isEqualTo(Status.clientErrorRequestEntityTooLarge);
    }

    @Test
    void brokenOrUnknownCompression() throws Exception {
        var gzip = Ipp.printJob("application/pdf").putOperationAttributes(Types.compression.of("gzip"));
        assertThat(Ipp.status(calls.ipp(path, Ipp.bytes(gzip.build(), Ipp.pdf(1)), auth))).isEqualTo(Status.clientErrorCompressionError);
        var compress = Ipp.printJob("application/pdf").putOperationAttributes(Types.compression.of("compress"));
        assertThat(Ipp.status(calls.ipp(path, Ipp.bytes(compress.build(), Ipp.pdf(1)), auth)))
                .isEqualTo(Status.clientErrorCompressionNotSupported);
        byte[] truncatedGzip = Arrays.copyOf(gzipped(Ipp.pdf(3)), 40);
        assertThat(Ipp.status(calls.ipp(path, Ipp.bytes(gzip.build(), truncatedGzip), auth))).isEqualTo(Status.clientErrorCompressionError);
    }

    private static byte[] gzipped(byte[] data) throws Exception {
        var out = new java.io.ByteArrayOutputStream();
        try (var gzip = new java.util.zip.GZIPOutputStream(out)) {
            gzip.write(data);
        }
        return out.toByteArray();
    }

    private Status print(String format, byte[] document) throws Exception {
        return Ipp.status(calls.ipp(path, Ipp.bytes(Ipp.printJob(format).build(), document), auth));
    }

    private Status status(byte[] body) throws Exception {
        return Ipp.status(call(body));
    }

    private IppPacket call(byte[] body) throws Exception {
        return calls.ipp(path, body, auth);
    }
}
