package org.opencps.printing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opencps.testing.Eventually.eventually;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.opencps.platform.security.ActorAuthentication;
import org.opencps.printing.internal.JobExpiryJob;
import org.opencps.testing.MutableClock;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The job routes end to end: formats, bad documents, limits, ownership, cancel, expiry, hold setting. */
@OpenCpsTest
@RecordApplicationEvents
@TestPropertySource(properties = "opencps.printing.max-document-size=1MB")
class PrintJobsApiTest {

    @Autowired MockMvc mvc;
    @Autowired World world;
    @Autowired JdbcClient jdbc;
    @Autowired MutableClock clock;
    @Autowired JobExpiryJob expiryJob;
    @Autowired PrintJobs printJobs;
    @Autowired ApplicationEvents events;
    @Autowired StoredBlobs blobs;

    OrgId org;
    Actor alice;
    Actor bob;
    Actor admin;

    @BeforeEach
    void people() {
        org = world.customer(world.root(), "Print shop " + java.util.UUID.randomUUID());
        alice = world.person(org, FixedRole.CUSTOMER_USER).actor();
        bob = world.person(org, FixedRole.CUSTOMER_USER).actor();
        admin = world.person(org, FixedRole.CUSTOMER_ADMIN).actor();
    }

    static RequestPostProcessor as(Actor actor) {
        return authentication(new ActorAuthentication(actor));
    }

    ResultActions submit(Actor actor, String type, byte[] body, String query) throws Exception {
        return mvc.perform(post("/api/v1/jobs" + query).with(as(actor)).contentType(type).content(body));
    }

    String submitted(Actor actor, String type, byte[] body) throws Exception {
        String json = submit(actor, type, body, "").andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(json, "$.id");
    }

    @Test
    void aRawPdfIsHeldWithItsPagesCountedAndComesBackDecrypted() throws Exception {
        byte[] pdf = SampleDocuments.pdf(2);
        String json = submit(alice, "application/pdf", pdf, "?name=Report&copies=2&sides=two-sided-long-edge&colorMode=monochrome&media=iso_a4_210x297mm")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.pages").value(2))
                .andExpect(jsonPath("$.state").value("HELD"))
                .andExpect(jsonPath("$.name").value("Report"))
                .andExpect(jsonPath("$.copies").value(2))
                .andExpect(jsonPath("$.sides").value("TWO_SIDED_LONG_EDGE"))
                .andExpect(jsonPath("$.colorMode").value("MONOCHROME"))
                .andExpect(jsonPath("$.format").value("PDF"))
                .andExpect(jsonPath("$.size").value(pdf.length))
                .andExpect(jsonPath("$.expiresAt").value(clock.instant().plus(Duration.ofHours(24)).toString()))
                .andExpect(header().exists("Location"))
                .andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(json, "$.id");

        mvc.perform(get("/api/v1/jobs").with(as(alice))).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1)).andExpect(jsonPath("$[0].id").value(id));
        mvc.perform(get("/api/v1/jobs/{id}", id).with(as(alice))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/jobs/{id}/document", id).with(as(alice))).andExpect(status().isOk())
                .andExpect(content().contentType("application/pdf")).andExpect(content().bytes(pdf));

        assertThat(blobs.of(org)).singleElement().satisfies(file -> assertThat(new String(
                java.nio.file.Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).doesNotContain("%PDF"));
        assertThat(events.stream(PrintJobSubmitted.class)).singleElement()
                .satisfies(e -> assertThat(e.pages()).isEqualTo(2));
        eventually(() -> assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE org_id = ? AND type = 'PRINT_JOB_SUBMITTED'")
                .param(org.value()).query(Long.class).single()).isEqualTo(1));
    }

    @Test
    void everyFormatIsCountedAndMultipartAndSniffingWork() throws Exception {
        submit(alice, "image/jpeg", SampleDocuments.jpeg(640, 480), "").andExpect(jsonPath("$.pages").value(1));
        submit(alice, "image/pwg-raster", SampleDocuments.pwg(3, 100, 80), "").andExpect(jsonPath("$.pages").value(3));
        submit(alice, "image/urf", SampleDocuments.urf(2, 2, 100, 80), "").andExpect(jsonPath("$.pages").value(2));
        submit(alice, "application/octet-stream", SampleDocuments.pdf(3), "").andExpect(jsonPath("$.format").value("PDF"))
                .andExpect(jsonPath("$.pages").value(3));

        byte[] pdf = SampleDocuments.pdf(50);
        String boundary = "----probe7MA4YWxkTrZu0gW";
        var body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhello\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.pdf\"\r\nContent-Type: application/pdf\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        body.writeBytes(pdf);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.ISO_8859_1));
        String json = submit(alice, "multipart/form-data; boundary=" + boundary, body.toByteArray(), "?name=Fifty")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.pages").value(50))
                .andReturn().getResponse().getContentAsString();
        mvc.perform(get("/api/v1/jobs/{id}/document", (String) JsonPath.read(json, "$.id")).with(as(alice)))
                .andExpect(content().bytes(pdf));

        var noFile = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nx\r\n--" + boundary + "--\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        submit(alice, "multipart/form-data; boundary=" + boundary, noFile, "").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.field").value("file"));
        assertThat(blobs.of(org)).hasSize(5);
    }

    @Test
    void documentsThatAreNotWhatTheySayAreRefusedAndNothingIsStored() throws Exception {
        byte[] pwg = SampleDocuments.pwg(2, 100, 80);
        byte[] absurd = SampleDocuments.pwg(1, 100, 80);
        java.nio.ByteBuffer.wrap(absurd).putInt(4 + 372, 2_000_000_000);
        String cyclic = SampleDocuments.pdfWithPageTree("""
                2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
                3 0 obj << /Type /Pages /Kids [2 0 R] /Count 1 >> endobj
                """, 3);
        submit(alice, "application/pdf", "%PDF-1.7\ngarbage garbage\n".getBytes(StandardCharsets.US_ASCII), "")
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("document"));
        submit(alice, "image/jpeg", SampleDocuments.pdf(1), "").andExpect(status().isUnprocessableContent());
        submit(alice, "image/pwg-raster", Arrays.copyOf(pwg, pwg.length - 100), "").andExpect(status().isUnprocessableContent());
        submit(alice, "image/pwg-raster", absurd, "").andExpect(status().isUnprocessableContent());
        submit(alice, "application/pdf", cyclic.getBytes(StandardCharsets.ISO_8859_1), "").andExpect(status().isUnprocessableContent());
        submit(alice, "text/plain", "hello".getBytes(StandardCharsets.US_ASCII), "").andExpect(status().isUnsupportedMediaType());
        submit(alice, "application/octet-stream", "hello".getBytes(StandardCharsets.US_ASCII), "").andExpect(status().isUnsupportedMediaType());
        submit(alice, "application/pdf", SampleDocuments.pdf(1), "?copies=0").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.field").value("copies"));
        submit(alice, "application/pdf", SampleDocuments.pdf(1), "?copies=1000").andExpect(status().isUnprocessableContent());
        submit(alice, "application/pdf", SampleDocuments.pdf(1), "?sides=both").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.field").value("sides"));

        assertNothingStored();
        assertThat(events.stream(PrintJobSubmitted.class)).isEmpty();
    }

    @Test
    void aDocumentOverTheSizeLimitIsRefusedByLengthOrWhileItStreams() throws Exception {
        byte[] big = new byte[1024 * 1024 + 1];
        submit(alice, "application/pdf", big, "").andExpect(status().isContentTooLarge());
        var ticket = new JobTicket("big", DocumentFormat.PDF, 1, null, null, null, JobTicket.Source.API);
        assertThatThrownBy(() -> printJobs.submit(alice, ticket, new ByteArrayInputStream(big)))
                .isInstanceOf(DocumentTooLargeException.class);
        assertNothingStored();
    }

    @Test
    void documentsThatWouldCostUnboundedWorkToCountAreRefusedAs413NamingTheLimitAndNothingIsStored() throws Exception {
        submit(alice, "image/urf", SampleDocuments.hostileUrf(1000, 65_535, 65_535), "")
                .andExpect(status().isContentTooLarge())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value("document"))
                .andExpect(jsonPath("$.limit").value("RASTER_PAGE_SIZE"))
                .andExpect(jsonPath("$.maximum").value(1L << 30))
                .andExpect(jsonPath("$.detail").value("a raster page of 65535 x 65535 pixels at 128 bits per pixel decodes to "
                        + "68717379600 bytes, more than the largest page accepted (1073741824 bytes)"));
        submit(alice, "image/pwg-raster", SampleDocuments.hostilePwg(1, 65_535, 2048), "")
                .andExpect(status().isContentTooLarge()).andExpect(jsonPath("$.limit").value("RASTER_PAGE_SIZE"));
        submit(alice, "image/urf", SampleDocuments.hostileUrf(10_001, 65_535, 1024), "")
                .andExpect(status().isContentTooLarge()).andExpect(jsonPath("$.limit").value("PAGES"))
                .andExpect(jsonPath("$.detail").value("the document has more than 10000 pages"));
        String wide = SampleDocuments.pdfWithPageTree("2 0 obj << /Type /Pages /Kids [" + " 3 0 R".repeat(21_001)
                + "] /Count 21001 >> endobj\n3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >> endobj\n", 3);
        submit(alice, "application/pdf", wide.getBytes(StandardCharsets.ISO_8859_1), "")
                .andExpect(status().isContentTooLarge()).andExpect(jsonPath("$.limit").value("PDF_TREE_NODES"));
        submit(alice, "image/jpeg", Arrays.copyOf(SampleDocuments.jpeg(64, 64), 20), "")
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.limit").doesNotExist());

        assertNothingStored();
        assertThat(events.stream(PrintJobSubmitted.class)).isEmpty();
    }

    @Test
    void nobodyButTheOwnerSeesAJobNotEvenTheAdmin() throws Exception {
        String id = submitted(alice, "application/pdf", SampleDocuments.pdf(1));
        for (Actor other : new Actor[] {bob, admin}) {
            mvc.perform(get("/api/v1/jobs/{id}", id).with(as(other))).andExpect(status().isNotFound());
            mvc.perform(get("/api/v1/jobs/{id}/document", id).with(as(other))).andExpect(status().isNotFound());
            mvc.perform(delete("/api/v1/jobs/{id}", id).with(as(other))).andExpect(status().isNotFound());
            mvc.perform(get("/api/v1/jobs").with(as(other))).andExpect(jsonPath("$.length()").value(0));
        }
        mvc.perform(get("/api/v1/jobs/{id}", java.util.UUID.randomUUID()).with(as(alice))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/jobs/{id}", "not-a-uuid").with(as(alice))).andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/jobs/{id}", id).with(as(alice))).andExpect(jsonPath("$.state").value("HELD"));
    }

    @Test
    void cancelingDeletesTheDocumentAtOnce() throws Exception {
        String id = submitted(alice, "application/pdf", SampleDocuments.pdf(1));
        assertThat(blobs.of(org)).hasSize(1);
        mvc.perform(delete("/api/v1/jobs/{id}", id).with(as(alice))).andExpect(status().isNoContent());
        assertThat(blobs.of(org)).isEmpty();
        mvc.perform(get("/api/v1/jobs/{id}", id).with(as(alice))).andExpect(jsonPath("$.state").value("CANCELED"));
        mvc.perform(get("/api/v1/jobs/{id}/document", id).with(as(alice))).andExpect(status().isNotFound());
        mvc.perform(delete("/api/v1/jobs/{id}", id).with(as(alice))).andExpect(status().isConflict());
        assertThat(events.stream(PrintJobDeleted.class)).hasSize(1);
    }

    @Test
    void heldJobsExpireAfterTheOrganizationsRetentionTime() throws Exception {
        mvc.perform(put("/api/v1/organizations/{id}/settings", org).with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"idleLogoutMinutes\":30,\"jobRetentionHours\":5}")).andExpect(status().isOk());
        String id = submitted(alice, "application/pdf", SampleDocuments.pdf(1));

        clock.advance(Duration.ofHours(5).minusMinutes(1));
        expiryJob.expireHeldJobs();
        mvc.perform(get("/api/v1/jobs/{id}", id).with(as(alice))).andExpect(jsonPath("$.state").value("HELD"));
        assertThat(blobs.of(org)).hasSize(1);

        clock.advance(Duration.ofMinutes(2));
        expiryJob.expireHeldJobs();
        mvc.perform(get("/api/v1/jobs/{id}", id).with(as(alice))).andExpect(jsonPath("$.state").value("EXPIRED"));
        assertThat(blobs.of(org)).isEmpty();
        assertThat(events.stream(PrintJobExpired.class)).singleElement().satisfies(e -> assertThat(e.job().toString()).isEqualTo(id));
    }

    @Test
    void withoutHoldingJobsASubmittedJobIsCompletedAndItsDocumentDeleted() throws Exception {
        mvc.perform(get("/api/v1/organizations/{id}/print-settings", org).with(as(admin)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.holdJobs").value(true));
        mvc.perform(put("/api/v1/organizations/{id}/print-settings", org).with(as(alice)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"holdJobs\":false}")).andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/organizations/{id}/print-settings", org).with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                .content("{}")).andExpect(status().isBadRequest());
        mvc.perform(put("/api/v1/organizations/{id}/print-settings", org).with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"holdJobs\":false}")).andExpect(status().isOk()).andExpect(jsonPath("$.holdJobs").value(false));

        submit(alice, "application/pdf", SampleDocuments.pdf(4), "").andExpect(status().isCreated())
                .andExpect(jsonPath("$.state").value("COMPLETED")).andExpect(jsonPath("$.pages").value(4));
        assertThat(blobs.of(org)).isEmpty();
    }

    @Test
    void anAdminRotatesTheDocumentKeyAndOlderDocumentsStayReadable() throws Exception {
        byte[] before = SampleDocuments.pdf(1);
        String first = submitted(alice, "application/pdf", before);
        long oldKey = keyId(mvc.perform(post("/api/v1/organizations/{id}/document-keys/rotate", org).with(as(admin)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.keyCount").value(2)));
        long newKey = keyId(mvc.perform(post("/api/v1/organizations/{id}/document-keys/rotate", org).with(as(admin)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.keyCount").value(3)));
        assertThat(newKey).isNotEqualTo(oldKey);
        mvc.perform(post("/api/v1/organizations/{id}/document-keys/rotate", org).with(as(alice))).andExpect(status().isForbidden());

        byte[] after = SampleDocuments.pdf(2);
        String second = submitted(alice, "application/pdf", after);
        mvc.perform(get("/api/v1/jobs/{id}/document", first).with(as(alice))).andExpect(content().bytes(before));
        mvc.perform(get("/api/v1/jobs/{id}/document", second).with(as(alice))).andExpect(content().bytes(after));
    }

    private static long keyId(ResultActions result) throws Exception {
        return ((Number) JsonPath.read(result.andReturn().getResponse().getContentAsString(), "$.primaryKeyId")).longValue();
    }

    private void assertNothingStored() throws Exception {
        assertThat(jdbc.sql("SELECT COUNT(*) FROM printing_job WHERE org_id = ?").param(org.value()).query(Long.class).single())
                .isZero();
        assertThat(blobs.allFilesOf(org)).isEmpty();
    }
}
