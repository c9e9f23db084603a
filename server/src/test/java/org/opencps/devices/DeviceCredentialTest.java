package org.opencps.devices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencps.devices.DeviceKit.API;
import static org.opencps.devices.DeviceKit.as;
import static org.opencps.testing.Api.json;
import static org.opencps.testing.Eventually.eventually;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.identity.ApiTokens;
import org.opencps.platform.ids.DeviceId;
import org.opencps.platform.ids.OrgId;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The device credential: what it opens, rotation, revocation, and an agent standing in for its printers only. */
@OpenCpsTest
@Import(DeviceKit.class)
class DeviceCredentialTest {

    @Autowired MockMvc mvc;
    @Autowired World world;
    @Autowired DeviceKit kit;
    @Autowired JdbcClient jdbc;
    @Autowired Devices devices;
    @Autowired ApiTokens apiTokens;

    private ResultActions heartbeat(String credential, DeviceId device) throws Exception {
        return mvc.perform(as(credential, json(post(API + "/devices/" + device + "/heartbeat"), "{\"status\":\"IDLE\"}")));
    }

    private int audited(String type) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE type = ?").param(type).query(Integer.class).single();
    }


    @Test
    void rotationGivesANewCredentialAndTheOldOneStopsWorkingAtOnce() throws Exception {
        OrgId org = world.customer(world.root(), "Rotate Co");
        var printer = kit.printer(org, "Rotating");
        String body = mvc.perform(as(printer.credential(), post(API + "/credential")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String rotated = JsonPath.read(body, "$.credential");
        assertThat(rotated).matches("ocpsd_[A-Za-z0-9_-]{43}").isNotEqualTo(printer.credential());

        heartbeat(printer.credential(), printer.id()).andExpect(status().isUnauthorized());
        heartbeat(rotated, printer.id()).andExpect(status().isOk());
        eventually(() -> assertThat(kit.audited("DEVICE_CREDENTIAL_ROTATED", org)).isOne());
    }

    @Test
    void unknownRevokedOrMissingCredentialsAre401AndUnknownOnesAreAudited() throws Exception {
        OrgId org = world.customer(world.root(), "Revoke Devices Co");
        var printer = kit.printer(org, "Revoked");
        int before = audited("DEVICE_CREDENTIAL_REFUSED");

        heartbeat("ocpsd_" + "A".repeat(43), printer.id()).andExpect(status().isUnauthorized());
        mvc.perform(json(post(API + "/devices/" + printer.id() + "/heartbeat"), "{\"status\":\"IDLE\"}"))
                .andExpect(status().isUnauthorized()).andExpect(header().doesNotExist("Set-Cookie"));
        var person = world.person(org, FixedRole.CUSTOMER_ADMIN);
        String apiToken = apiTokens.create(person.actor(), "cli", 1).secret();
        heartbeat(apiToken, printer.id()).andExpect(status().isUnauthorized());

        devices.unregister(person.actor(), org, printer.id());
        heartbeat(printer.credential(), printer.id()).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value("the device credential is unknown or revoked"));
        assertThat(audited("DEVICE_CREDENTIAL_REFUSED")).isEqualTo(before + 3);
        eventually(() -> assertThat(kit.audited("DEVICE_UNREGISTERED", org)).isOne());
    }

    @Test
    void aDeviceCredentialOpensNothingOutsideTheDeviceApi() throws Exception {
        OrgId org = world.customer(world.root(), "Outside Co");
        var printer = kit.printer(org, "Only devices");
        mvc.perform(as(printer.credential(), get("/api/v1/organizations/" + org + "/devices")))
                .andExpect(status().isUnauthorized());
        mvc.perform(as(printer.credential(), get("/api/v1/jobs"))).andExpect(status().isUnauthorized());
    }

    @Test
    void anAgentActsForThePrintersItAddedAndNoOtherDevice() throws Exception {
        OrgId org = world.customer(world.root(), "Agent Co");
        var agent = kit.agent(org, "Edge agent");
        DeviceId lanPrinter = kit.agentPrinter(agent, "LAN printer");
        var otherAgent = kit.agent(org, "Other agent");
        DeviceId othersPrinter = kit.agentPrinter(otherAgent, "Not yours");
        var printer = kit.printer(org, "Embedded");
        var elsewhere = kit.printer(world.customer(world.root(), "Elsewhere Devices Co"), "Foreign");

        heartbeat(agent.credential(), agent.id()).andExpect(status().isOk());
        heartbeat(agent.credential(), lanPrinter).andExpect(status().isOk());
        heartbeat(agent.credential(), othersPrinter).andExpect(status().isNotFound());
        heartbeat(agent.credential(), printer.id()).andExpect(status().isNotFound());
        heartbeat(agent.credential(), elsewhere.id()).andExpect(status().isNotFound());
        heartbeat(printer.credential(), lanPrinter).andExpect(status().isNotFound());
        heartbeat(printer.credential(), agent.id()).andExpect(status().isNotFound());
        heartbeat(elsewhere.credential(), printer.id()).andExpect(status().isNotFound());

        mvc.perform(as(printer.credential(), json(post(API + "/printers"), "{\"name\":\"x\",\"uri\":\"ipp://192.0.2.1/ipp/print\"}")))
                .andExpect(status().isForbidden());
        mvc.perform(as(agent.credential(), json(post(API + "/printers"), "{\"name\":\"x\",\"uri\":\"file:///etc/passwd\"}")))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("uri"));

        // unregistering the agent ends its printers too
        devices.unregister(kit.adminOf(org), org, agent.id());
        heartbeat(agent.credential(), lanPrinter).andExpect(status().isUnauthorized());
        assertThat(devices.get(kit.adminOf(org), org, lanPrinter).state()).isEqualTo(Device.State.UNREGISTERED);
        assertThat(devices.get(kit.adminOf(org), org, othersPrinter).state()).isEqualTo(Device.State.ACTIVE);
    }

    @Test
    void theDeviceApiIsDescribedInTheOpenApiDocumentUnderItsOwnTag() throws Exception {
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/device/v1/registrations'].post.tags[0]").value("Device API"))
                .andExpect(jsonPath("$.paths['/api/device/v1/devices/{device}/sessions'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/organizations/{orgId}/devices/{deviceId}'].patch").exists());
    }
}
