package org.opencps.scanning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opencps.testing.Api.json;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.devices.DeviceKit;
import org.opencps.printing.SampleDocuments;
import org.opencps.testing.OpenCpsTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Password-protected PDFs (the device's password or the workflow's sealed one) and sanitized file names. */
@OpenCpsTest
@Import({DeviceKit.class, ScanKit.class})
class ScanOptionsTest {

    @Autowired MockMvc mvc;
    @Autowired ScanKit kit;
    @Autowired JdbcClient jdbc;

    @Test
    void aPasswordFromTheDeviceEncryptsThePdfAndIsKeptNowhere() throws Exception {
        var scanner = kit.scanner(kit.site("Encrypt co"), FixedRole.CUSTOMER_USER);
        var request = kit.uploadRequest(scanner, "to=me", "application/pdf", SampleDocuments.pdf(2), null)
                .header("X-OpenCPS-Scan-Password", "Open-Sesame-42");
        var response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(202);
        UUID scan = UUID.fromString(JsonPath.read(response.getContentAsString(), "$.id"));

        byte[] stored = mvc.perform(get("/api/v1/scans/" + scan + "/document").cookie(kit.portal(scanner.person())))
                .andReturn().getResponse().getContentAsByteArray();
        assertThatThrownBy(() -> Loader.loadPDF(stored).close()).isInstanceOf(InvalidPasswordException.class);
        try (var pdf = Loader.loadPDF(stored, "Open-Sesame-42")) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(2);
            assertThat(pdf.getEncryption().getLength()).isEqualTo(256);
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE detail LIKE '%Open-Sesame%'").query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM scanning_scan WHERE destination LIKE '%Open-Sesame%' OR file_name LIKE '%Open-Sesame%'")
                .query(Integer.class).single()).isZero();
    }

    @Test
    void aWorkflowEncryptsWithItsSealedPassword() throws Exception {
        var site = kit.site("Workflow encrypt co");
        var admin = kit.portal(kit.scanner(site, FixedRole.CUSTOMER_ADMIN).person());
        var created = mvc.perform(json(post("/api/v1/organizations/" + site.org() + "/scan-workflows").cookie(admin), """
                {"name":"Secret","kind":"MY_SCANS","everyone":true,"password":"Workflow-Pass-7",
                 "options":{"formats":["PDF"],"encryptPdf":true,"fileNamePattern":"../../{user}/secret {counter}"}}"""))
                .andReturn().getResponse();
        assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
        assertThat(created.getContentAsString()).doesNotContain("Workflow-Pass-7").contains("\"passwordSet\":true");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM scanning_workflow WHERE sealed_password LIKE '%Workflow-Pass-7%'")
                .query(Integer.class).single()).isZero();
        var scanner = kit.scanner(site, FixedRole.CUSTOMER_USER);

        UUID scan = kit.accepted(scanner, "to=workflow&workflow=Secret", "application/pdf", SampleDocuments.pdf(1));

        var cookie = kit.portal(scanner.person());
        String body = mvc.perform(get("/api/v1/scans/" + scan).cookie(cookie)).andReturn().getResponse().getContentAsString();
        String fileName = JsonPath.read(body, "$.fileName");
        assertThat(fileName).doesNotContain("/").doesNotContain("..").endsWith("secret 1.pdf");
        byte[] stored = mvc.perform(get("/api/v1/scans/" + scan + "/document").cookie(cookie)).andReturn().getResponse()
                .getContentAsByteArray();
        try (var pdf = Loader.loadPDF(stored, "Workflow-Pass-7")) {
            assertThat(pdf.isEncrypted()).isTrue();
        }
        var jpeg = kit.upload(scanner, "to=workflow&workflow=Secret", "image/jpeg", SampleDocuments.jpeg(10, 10)).getResponse();
        assertThat(jpeg.getStatus()).isEqualTo(415);
    }
}
