package org.opencps.scanning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencps.testing.Api.json;
import static org.opencps.testing.Eventually.eventually;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.devices.DeviceKit;
import org.opencps.printing.SampleDocuments;
import org.opencps.printing.StoredBlobs;
import org.opencps.scanning.internal.RetentionJob;
import org.opencps.testing.MutableClock;
import org.opencps.testing.OpenCpsTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A person at a device scans to My scans: the upload is acknowledged at once with a scan id, the
 * pages are counted from the document, and the scan is theirs alone to list, download and delete.
 */
@OpenCpsTest
@Import({DeviceKit.class, ScanKit.class})
class DeviceScanTest {

    @Autowired MockMvc mvc;
    @Autowired ScanKit kit;
    @Autowired StoredBlobs blobs;
    @Autowired JdbcClient jdbc;
    @Autowired MutableClock clock;
    @Autowired RetentionJob retention;

    @Test
    void aScanToMeIsAcknowledgedCountedAndDownloadableByItsOwner() throws Exception {
        var site = kit.site("Scan owner co");
        var scanner = kit.scanner(site, FixedRole.CUSTOMER_USER);
        byte[] pdf = SampleDocuments.pdf(3);

        var response = kit.upload(scanner, "to=me&fileName={user}-{counter}", "application/pdf", pdf).getResponse();

        assertThat(response.getStatus()).isEqualTo(202);
        String body = response.getContentAsString();
        assertThat(response.getHeader("Location")).endsWith("/scans/" + JsonPath.read(body, "$.id"));
        assertThat((Integer) JsonPath.read(body, "$.pages")).isEqualTo(3);
        assertThat((String) JsonPath.read(body, "$.state")).isEqualTo("DELIVERED");
        assertThat((String) JsonPath.read(body, "$.fileName")).endsWith("-1.pdf").doesNotContain("/");
        UUID scan = UUID.fromString(JsonPath.read(body, "$.id"));
        assertThat(kit.polledState(scanner, scan)).isEqualTo("DELIVERED");

        var cookie = kit.portal(scanner.person());
        String mine = mvc.perform(get("/api/v1/scans").cookie(cookie)).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(mine, "$[*].id")).containsExactly(scan.toString());
        var download = mvc.perform(get("/api/v1/scans/" + scan + "/document").cookie(cookie)).andReturn().getResponse();
        assertThat(download.getStatus()).isEqualTo(200);
        assertThat(download.getContentAsByteArray()).isEqualTo(pdf);
        assertThat(download.getHeader("Content-Disposition")).startsWith("attachment");
        assertThat(blobs.of(site.org())).hasSize(1);
        eventually(() -> assertThat(kit.audited("SCAN_RECEIVED", site.org())).isEqualTo(1));

        assertThat(mvc.perform(delete("/api/v1/scans/" + scan).cookie(cookie)).andReturn().getResponse().getStatus()).isEqualTo(204);
        assertThat(kit.scanRows(site.org())).isZero();
        assertThat(blobs.of(site.org())).isEmpty();
        eventually(() -> assertThat(kit.audited("SCAN_DELETED", site.org())).isEqualTo(1));
    }

    @Test
    void nobodyElseReachesAScanNotEvenTheirAdmin() throws Exception {
        var site = kit.site("Private scans co");
        var owner = kit.scanner(site, FixedRole.CUSTOMER_USER);
        UUID scan = kit.accepted(owner, "to=me", "image/jpeg", SampleDocuments.jpeg(40, 30));
        var admin = kit.scanner(site, FixedRole.CUSTOMER_ADMIN);
        var colleague = kit.scanner(site, FixedRole.CUSTOMER_USER);
        var otherOrg = kit.scanner(kit.site("Other scans co"), FixedRole.CUSTOMER_ADMIN);

        for (var intruder : List.of(admin, colleague, otherOrg)) {
            var cookie = kit.portal(intruder.person());
            assertThat(mvc.perform(get("/api/v1/scans/" + scan).cookie(cookie)).andReturn().getResponse().getStatus()).isEqualTo(404);
            assertThat(mvc.perform(get("/api/v1/scans/" + scan + "/document").cookie(cookie)).andReturn().getResponse().getStatus())
                    .isEqualTo(404);
            assertThat(mvc.perform(delete("/api/v1/scans/" + scan).cookie(cookie)).andReturn().getResponse().getStatus()).isEqualTo(404);
            assertThat(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/scans/" + scan + "/retry")
                    .cookie(cookie)).andReturn().getResponse().getStatus()).isEqualTo(404);
            assertThat(mvc.perform(get("/api/v1/scans").cookie(cookie)).andReturn().getResponse().getContentAsString())
                    .doesNotContain(scan.toString());
            var polled = mvc.perform(DeviceKit.as(intruder.site().printer().credential(),
                    get(DeviceKit.API + "/devices/" + intruder.site().printer().id() + "/sessions/current/scans/" + scan)
                            .header("X-OpenCPS-Session", intruder.session()))).andReturn().getResponse();
            assertThat(polled.getStatus()).isEqualTo(404);
        }
        assertThat(kit.scanRows(site.org())).isEqualTo(1);
        assertThat(blobs.of(site.org())).hasSize(1);
    }

    @Test
    void theDestinationsOfferedFollowTheSettingsAndTheAddressBook() throws Exception {
        var site = kit.site("Choices co");
        var admin = kit.scanner(site, FixedRole.CUSTOMER_ADMIN);
        var adminCookie = kit.portal(admin.person());
        assertThat(mvc.perform(json(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                "/api/v1/organizations/" + site.org() + "/scan-addresses").cookie(adminCookie),
                "{\"name\":\"Accounting\",\"email\":\"accounting@example.com\"}")).andReturn().getResponse().getStatus()).isEqualTo(201);
        assertThat(mvc.perform(json(put("/api/v1/organizations/" + site.org() + "/scan-settings").cookie(adminCookie), """
                {"allowedDestinations":["MY_SCANS","ADDRESS_BOOK"],"directEmailAllowed":false,"retentionHours":24,
                 "maxScanBytes":1048576,"attachmentLimitBytes":0,"boxDirect":false}""")).andReturn().getResponse().getStatus())
                .isEqualTo(200);
        var person = kit.scanner(site, FixedRole.CUSTOMER_USER);

        String choices = mvc.perform(DeviceKit.as(site.printer().credential(),
                get(DeviceKit.API + "/devices/" + site.printer().id() + "/sessions/current/scan-destinations")
                        .header("X-OpenCPS-Session", person.session()))).andReturn().getResponse().getContentAsString();

        assertThat(JsonPath.<List<String>>read(choices, "$.destinations[*].kind")).containsExactly("MY_SCANS", "ADDRESS_BOOK");
        assertThat(JsonPath.<List<String>>read(choices, "$.destinations[*].address")).contains("Accounting");
        assertThat(choices).doesNotContain("accounting@example.com");
        assertThat((Boolean) JsonPath.read(choices, "$.directEmailAllowed")).isFalse();
        assertThat(((Number) JsonPath.read(choices, "$.maxScanBytes")).longValue()).isEqualTo(1048576L);
    }

    @Test
    void scansAreDeletedWhenTheOrganizationsRetentionEnds() throws Exception {
        var shortLived = kit.site("Short retention co");
        var admin = kit.portal(kit.scanner(shortLived, FixedRole.CUSTOMER_ADMIN).person());
        assertThat(mvc.perform(json(put("/api/v1/organizations/" + shortLived.org() + "/scan-settings").cookie(admin), """
                {"allowedDestinations":["MY_SCANS"],"directEmailAllowed":false,"retentionHours":1,
                 "maxScanBytes":1048576,"attachmentLimitBytes":0,"boxDirect":false}""")).andReturn().getResponse().getStatus())
                .isEqualTo(200);
        var kept = kit.site("Default retention co");
        UUID expiring = kit.accepted(kit.scanner(shortLived, FixedRole.CUSTOMER_USER), "to=me", "application/pdf", SampleDocuments.pdf(1));
        UUID staying = kit.accepted(kit.scanner(kept, FixedRole.CUSTOMER_USER), "to=me", "application/pdf", SampleDocuments.pdf(1));

        clock.advance(Duration.ofMinutes(59));
        retention.purgeExpired();
        assertThat(kit.scanRows(shortLived.org())).as("kept until the hour is over").isEqualTo(1);
        clock.advance(Duration.ofMinutes(1));
        retention.purgeExpired();

        assertThat(kit.scanRows(shortLived.org())).isZero();
        assertThat(blobs.of(shortLived.org())).isEmpty();
        assertThat(kit.scanRows(kept.org())).isEqualTo(1);
        assertThat(blobs.of(kept.org())).hasSize(1);
        eventually(() -> assertThat(kit.audited("SCAN_EXPIRED", shortLived.org())).isEqualTo(1));
        assertThat(expiring).isNotEqualTo(staying);
    }
}
