package org.opencps.devices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.opencps.devices.DeviceKit.API;
import static org.opencps.devices.DeviceKit.as;
import static org.opencps.testing.Api.json;
import static org.opencps.testing.Eventually.eventually;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.opencps.platform.security.ActorAuthentication;
import org.opencps.reporting.LicenseReports;
import org.opencps.testing.MutableClock;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Heartbeats, the security baseline and drift, and what admins do with devices: name, locate, group, remove, QR code. */
@OpenCpsTest
@Import(DeviceKit.class)
class DeviceAdministrationTest {

    @Autowired MockMvc mvc;
    @Autowired World world;
    @Autowired DeviceKit kit;
    @Autowired JdbcClient jdbc;
    @Autowired MutableClock clock;
    @Autowired LicenseReports licenseReports;

    private MockHttpServletRequestBuilder asAdmin(OrgId org, MockHttpServletRequestBuilder request) {
        return request.with(authentication(new ActorAuthentication(kit.adminOf(org))));
    }

    private String devices(OrgId org) {
        return "/api/v1/organizations/" + org + "/devices";
    }

    @Test
    void theLatestHeartbeatIsKeptAndDriftIsWhatTheBaselineRequiresButTheDeviceDoesNotReportOn() throws Exception {
        OrgId org = world.customer(world.root(), "Baseline Co");
        var printer = kit.printer(org, "Reporting");
        mvc.perform(asAdmin(org, json(put(devices(org) + "/baseline"),
                        "{\"adminPasswordChanged\":true,\"storageEncryption\":true,\"tlsOnly\":true}")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.dataOverwrite").value(false));

        mvc.perform(as(printer.credential(), json(post(API + "/devices/" + printer.id() + "/heartbeat"), """
                        {"status":"WARNING","statusMessage":"Toner low","counters":{"totalPages":1200,"colorPages":200,"monochromePages":1000},
                         "security":{"adminPasswordChanged":true,"storageEncryption":false,"dataOverwrite":true}}""")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.baseline.tlsOnly").value(true))
                .andExpect(jsonPath("$.drift").value(contains("storageEncryption", "tlsOnly")))
                .andExpect(jsonPath("$.releasesWaiting").value(0));
        clock.advance(Duration.ofMinutes(5));
        mvc.perform(as(printer.credential(), json(post(API + "/devices/" + printer.id() + "/heartbeat"), """
                        {"status":"IDLE","counters":{"totalPages":1210},
                         "security":{"adminPasswordChanged":true,"storageEncryption":true,"tlsOnly":true}}""")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.drift.length()").value(0));

        mvc.perform(asAdmin(org, get(devices(org) + "/" + printer.id()))).andExpect(status().isOk())
                .andExpect(jsonPath("$.status.status").value("IDLE"))
                .andExpect(jsonPath("$.status.statusMessage").doesNotExist())
                .andExpect(jsonPath("$.status.counters.totalPages").value(1210))
                .andExpect(jsonPath("$.lastSeenAt").value(clock.instant().toString()))
                .andExpect(jsonPath("$.drift.length()").value(0));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM devices_heartbeat WHERE org_id = ?").param(org.value())
                .query(Integer.class).single()).isOne();

        // a stricter baseline shows drift in the list at once, without a new heartbeat
        mvc.perform(asAdmin(org, json(put(devices(org) + "/baseline"), "{\"firmwareVerification\":true}"))).andExpect(status().isOk());
        var silent = kit.printer(org, "Silent");
        mvc.perform(asAdmin(org, get(devices(org)))).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.name == 'Reporting')].drift[0]").value("firmwareVerification"))
                .andExpect(jsonPath("$[?(@.name == 'Silent')].drift[0]").value("firmwareVerification"))
                .andExpect(jsonPath("$[?(@.name == 'Silent')].status").value(contains((Object) null)));
        assertThat(silent).isNotNull();
    }

    @Test
    void badHeartbeatsAreRefusedNamingTheField() throws Exception {
        OrgId org = world.customer(world.root(), "Bad Heartbeat Co");
        var printer = kit.printer(org, "Confused");
        String url = API + "/devices/" + printer.id() + "/heartbeat";
        mvc.perform(as(printer.credential(), json(post(url), "{}")))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("status"));
        mvc.perform(as(printer.credential(), json(post(url), "{\"status\":\"IDLE\",\"counters\":{\"totalPages\":-1}}")))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("counters.totalPages"));
        mvc.perform(as(printer.credential(), json(post(url), "{\"status\":\"IDLE\",\"statusMessage\":\"" + "x".repeat(501) + "\"}")))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("statusMessage"));
        mvc.perform(as(printer.credential(), json(post(url), "{\"status\":\"IDLE\",\"security\":{\"tlsOnly\":\"yes\"}}")))
                .andExpect(status().isBadRequest());
        mvc.perform(as(printer.credential(), json(post(url), "{\"status\":\"ON_FIRE\"}"))).andExpect(status().isBadRequest());
        mvc.perform(as(printer.credential(), json(post(url), "{\"status\":\"IDLE\",\"security\":{\"selfDestruct\":true}}")))
                .andExpect(status().isBadRequest());
        mvc.perform(as(printer.credential(), json(post(API + "/devices/not-a-uuid/heartbeat"), "{\"status\":\"IDLE\"}")))
                .andExpect(status().isBadRequest());
    }

    @Test
    void adminsNameLocateGroupAndMoveDevices() throws Exception {
        OrgId org = world.customer(world.root(), "Groups Co");
        var printer = kit.printer(org, "Unnamed");
        String groups = devices(org) + "/groups";
        String floor1 = JsonPath.read(mvc.perform(asAdmin(org, json(post(groups), "{\"name\":\"Floor 1\"}")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
        String floor2 = JsonPath.read(mvc.perform(asAdmin(org, json(post(groups), "{\"name\":\"Floor 2\"}")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
        mvc.perform(asAdmin(org, json(post(groups), "{\"name\":\"floor 1\"}")))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.field").value("name"));
        mvc.perform(asAdmin(org, json(post(groups), "{\"name\":\"\"}")))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("name"));

        String device = devices(org) + "/" + printer.id();
        mvc.perform(asAdmin(org, json(patch(device), "{\"name\":\"Reception\",\"location\":\"Hall\",\"groupId\":\"" + floor1 + "\"}")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.name").value("Reception"))
                .andExpect(jsonPath("$.location").value("Hall")).andExpect(jsonPath("$.groupId").value(floor1));
        mvc.perform(asAdmin(org, json(patch(device), "{\"groupId\":\"" + floor2 + "\"}")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.name").value("Reception"))
                .andExpect(jsonPath("$.location").value("Hall")).andExpect(jsonPath("$.groupId").value(floor2));
        mvc.perform(asAdmin(org, json(patch(device), "{\"location\":null}")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.location").doesNotExist())
                .andExpect(jsonPath("$.groupId").value(floor2));
        mvc.perform(asAdmin(org, json(patch(device), "{\"groupId\":\"" + java.util.UUID.randomUUID() + "\"}")))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("groupId"));
        mvc.perform(asAdmin(org, json(patch(device), "{\"name\":\"" + "n".repeat(101) + "\"}")))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("name"));
        mvc.perform(asAdmin(org, json(patch(device), "{\"serialNumber\":\"forged\"}"))).andExpect(status().isBadRequest());

        mvc.perform(asAdmin(org, json(patch(groups + "/" + floor2), "{\"name\":\"Second floor\"}")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.name").value("Second floor"));
        mvc.perform(asAdmin(org, delete(groups + "/" + floor2))).andExpect(status().isNoContent());
        mvc.perform(asAdmin(org, get(device))).andExpect(jsonPath("$.groupId").doesNotExist());
        mvc.perform(asAdmin(org, get(groups))).andExpect(jsonPath("$.length()").value(1));
        mvc.perform(asAdmin(org, delete(groups + "/" + floor2))).andExpect(status().isNotFound());
    }

    @Test
    void removingADeviceDeletesItAndItsStatusAndItsCredentialStopsWorking() throws Exception {
        OrgId org = world.customer(world.root(), "Remove Co");
        var agent = kit.agent(org, "Agent");
        var lan = kit.agentPrinter(agent, "LAN");
        mvc.perform(as(agent.credential(), json(post(API + "/devices/" + lan + "/heartbeat"), "{\"status\":\"IDLE\"}")))
                .andExpect(status().isOk());

        mvc.perform(asAdmin(org, delete(devices(org) + "/" + agent.id()))).andExpect(status().isNoContent());
        mvc.perform(asAdmin(org, get(devices(org)))).andExpect(jsonPath("$.length()").value(0));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM devices_heartbeat WHERE org_id = ?").param(org.value())
                .query(Integer.class).single()).isZero();
        mvc.perform(as(agent.credential(), json(post(API + "/devices/" + agent.id() + "/heartbeat"), "{\"status\":\"IDLE\"}")))
                .andExpect(status().isUnauthorized());
        mvc.perform(asAdmin(org, delete(devices(org) + "/" + agent.id()))).andExpect(status().isNotFound());
        eventually(() -> assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE type = 'DEVICE_REMOVED' AND org_id = ?")
                .param(org.value()).query(Integer.class).single()).isOne());
    }

    @Test
    void theQrCodeOpensThePrintersReleasePage() throws Exception {
        OrgId org = world.customer(world.root(), "QR Co");
        var printer = kit.printer(org, "Scan me");
        byte[] png = mvc.perform(asAdmin(org, get(devices(org) + "/" + printer.id() + "/qr.png")))
                .andExpect(status().isOk()).andExpect(content().contentType("image/png"))
                .andReturn().getResponse().getContentAsByteArray();
        var image = ImageIO.read(new ByteArrayInputStream(png));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        var bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
        assertThat(new QRCodeReader().decode(bitmap).getText()).isEqualTo("http://localhost:8080/release/" + printer.id());
    }

    @Test
    void theLicenseReportCountsActivePrinters() throws Exception {
        OrgId provider = world.provider(world.root(), "Counting Provider");
        OrgId org = world.customer(provider, "Counted Co");
        kit.printer(org, "One");
        var two = kit.printer(org, "Two");
        var agent = kit.agent(org, "Agent");
        kit.agentPrinter(agent, "Three");
        devicesFace.unregister(kit.adminOf(org), org, two.id());
        Actor providerAdmin = world.adminOf(provider).actor();
        var report = licenseReports.report(providerAdmin, provider);
        assertThat(report.rows()).singleElement().satisfies(row -> {
            assertThat(row.figures().devicesUsed()).isEqualTo(2);
            assertThat(row.figures().devicesAllowed()).isEqualTo(10);
        });
    }

    @Autowired Devices devicesFace;
}
