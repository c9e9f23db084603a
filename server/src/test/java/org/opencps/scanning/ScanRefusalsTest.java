package org.opencps.scanning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencps.testing.Api.json;
import static org.opencps.testing.Eventually.eventually;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.jayway.jsonpath.JsonPath;
import java.util.Arrays;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.devices.DeviceKit;
import org.opencps.printing.SampleDocuments;
import org.opencps.printing.StoredBlobs;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.Outbox;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Each kind of bad scan is refused with its own status and reason, leaves no scan row and no
 * stored document, delivers nothing, and is audited.
 */
@OpenCpsTest
@Import({DeviceKit.class, ScanKit.class})
class ScanRefusalsTest {

    @Autowired MockMvc mvc;
    @Autowired ScanKit kit;
    @Autowired StoredBlobs blobs;
    @Autowired Outbox outbox;

    ScanKit.Site site;
    ScanKit.Scanner scanner;
    Cookie admin;

    @BeforeEach
    void siteWithAWorkflowForGroupsOnly() throws Exception {
        site = kit.site("Refusals co " + System.nanoTime());
        var adminScanner = kit.scanner(site, FixedRole.CUSTOMER_ADMIN);
        admin = kit.portal(adminScanner.person());
        String group = JsonPath.read(mvc.perform(json(post("/api/v1/organizations/" + site.org() + "/groups").cookie(admin),
                "{\"name\":\"Finance\"}")).andReturn().getResponse().getContentAsString(), "$.id");
        assertThat(mvc.perform(json(post("/api/v1/organizations/" + site.org() + "/scan-workflows").cookie(admin), """
                {"name":"Finance only","kind":"MY_SCANS","everyone":false,"groups":["%s"]}""".formatted(group)))
                .andReturn().getResponse().getStatus()).isEqualTo(201);
        assertThat(mvc.perform(json(post("/api/v1/organizations/" + site.org() + "/scan-workflows").cookie(admin), """
                {"name":"Photos","kind":"MY_SCANS","everyone":true,
                 "options":{"formats":["JPEG"],"color":"COLOR","resolution":300,"duplex":false}}"""))
                .andReturn().getResponse().getStatus()).isEqualTo(201);
        assertThat(mvc.perform(json(put("/api/v1/organizations/" + site.org() + "/scan-settings").cookie(admin), """
                {"allowedDestinations":["MY_SCANS","ADDRESS_BOOK","DRIVE"],"directEmailAllowed":false,"retentionHours":24,
                 "maxScanBytes":65536,"attachmentLimitBytes":1024,"boxDirect":false}""")).andReturn().getResponse().getStatus())
                .isEqualTo(200);
        scanner = kit.scanner(site, FixedRole.CUSTOMER_USER);
    }

    @Test
    void anUnknownDestination() throws Exception {
        refused(kit.upload(scanner, "to=fax", "application/pdf", SampleDocuments.pdf(1)), 422, "UNKNOWN_DESTINATION");
        refused(kit.upload(scanner, "to=address&address=Nobody", "application/pdf", SampleDocuments.pdf(1)), 422, "UNKNOWN_DESTINATION");
        nothingKept(2);
    }

    @Test
    void aDestinationTheOrganizationForbids() throws Exception {
        refused(kit.upload(scanner, "to=email", "application/pdf", SampleDocuments.pdf(1)), 403, "DESTINATION_NOT_ALLOWED");
        refused(kit.upload(scanner, "to=address&email=someone@example.com", "application/pdf", SampleDocuments.pdf(1)),
                403, "DESTINATION_NOT_ALLOWED");
        nothingKept(2);
        assertThat(outbox.messagesTo("someone@example.com")).isEmpty();
    }

    @Test
    void aCloudServiceThePersonHasNotLinked() throws Exception {
        refused(kit.upload(scanner, "to=drive", "application/pdf", SampleDocuments.pdf(1)), 422, "ACCOUNT_NOT_LINKED");
        nothingKept(1);
    }

    @Test
    void aWorkflowNotSharedWithThePersonOrUnknown() throws Exception {
        refused(kit.upload(scanner, "to=workflow&workflow=Finance only", "application/pdf", SampleDocuments.pdf(1)), 404,
                "WORKFLOW_NOT_SHARED");
        refused(kit.upload(scanner, "to=workflow&workflow=Nope", "application/pdf", SampleDocuments.pdf(1)), 404,
                "WORKFLOW_NOT_SHARED");
        nothingKept(2);
    }

    @Test
    void aFormatTheWorkflowDoesNotTakeOrNoScanFormatAtAll() throws Exception {
        refused(kit.upload(scanner, "to=workflow&workflow=Photos", "application/pdf", SampleDocuments.pdf(1)), 415,
                "FORMAT_NOT_ACCEPTED");
        refused(kit.upload(scanner, "to=me", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}), 415, "FORMAT_NOT_ACCEPTED");
        nothingKept(2);
    }

    @Test
    void aTruncatedUpload() throws Exception {
        byte[] pdf = SampleDocuments.pdf(2);
        byte[] half = Arrays.copyOf(pdf, pdf.length / 2);
        var request = kit.uploadRequest(scanner, "to=me", "application/pdf", half, (long) pdf.length);
        refused(mvc.perform(request).andReturn(), 400, "TRUNCATED");
        nothingKept(1);
    }

    @Test
    void aDocumentThatIsNotWhatItsTypeSays() throws Exception {
        byte[] pdf = SampleDocuments.pdf(2);
        refused(kit.upload(scanner, "to=me", "application/pdf", Arrays.copyOf(pdf, pdf.length / 2)), 422, "INVALID_DOCUMENT");
        refused(kit.upload(scanner, "to=me", "image/jpeg", SampleDocuments.pdf(1)), 422, "INVALID_DOCUMENT");
        refused(kit.upload(scanner, "to=me", "application/pdf", new byte[0]), 422, "INVALID_DOCUMENT");
        nothingKept(3);
    }

    @Test
    void aScanLargerThanTheOrganizationAllows() throws Exception {
        byte[] big = new byte[65537];
        refused(kit.upload(scanner, "to=me", "application/pdf", big), 413, "TOO_LARGE");
        refused(mvc.perform(kit.uploadRequest(scanner, "to=me", "application/pdf", big, null)).andReturn(), 413, "TOO_LARGE");
        nothingKept(2);
    }

    private void refused(MvcResult result, int status, String reason) throws Exception {
        var response = result.getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat((String) JsonPath.read(response.getContentAsString(), "$.reason")).isEqualTo(reason);
        assertThat((String) JsonPath.read(response.getContentAsString(), "$.detail")).isNotBlank();
    }

    private void nothingKept(int refusals) throws Exception {
        assertThat(kit.scanRows(site.org())).isZero();
        assertThat(blobs.allFilesOf(site.org())).isEmpty();
        eventually(() -> assertThat(kit.audited("SCAN_REFUSED", site.org())).isEqualTo(refusals));
    }
}
