package org.opencps.devices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencps.devices.DeviceKit.API;
import static org.opencps.devices.DeviceKit.as;
import static org.opencps.testing.Api.json;
import static org.opencps.testing.Api.login;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.io.ByteArrayInputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.identity.ApiTokens;
import org.opencps.platform.ids.DeviceId;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.ActorAuthentication;
import org.opencps.printing.DocumentFormat;
import org.opencps.printing.JobTicket;
import org.opencps.printing.PrintJob;
import org.opencps.printing.PrintJobs;
import org.opencps.printing.SampleDocuments;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/** PRODUCT.md §4 "release at printer X": from the portal, a phone or the API, to a printer of the person's organization. */
@OpenCpsTest
@Import(DeviceKit.class)
class ReleaseAtPrinterXTest {

    @Autowired MockMvc mvc;
    @Autowired World world;
    @Autowired DeviceKit kit;
    @Autowired JdbcClient jdbc;
    @Autowired PrintJobs printJobs;
    @Autowired ApiTokens apiTokens;
    @Autowired Devices devices;
    @Autowired JsonMapper json;
    @Autowired org.opencps.testing.MutableClock clock;

    PrintJob submit(World.Person person) {
        return printJobs.submit(person.actor(), new JobTicket("phone.pdf", DocumentFormat.PDF, 1, null, null, null, null),
                new ByteArrayInputStream(SampleDocuments.pdf(1)));
    }

    @Test
    void aPersonReleasesFromTheirSessionOrWithAnApiTokenAndThePrinterFindsTheJobs() throws Exception {
        OrgId org = world.customer(world.root(), "Phone Co");
        var person = world.person(org, FixedRole.CUSTOMER_USER);
        var printer = kit.printer(org, "Lobby");
        PrintJob first = submit(person);
        PrintJob second = submit(person);
        Cookie session = login(mvc, person.email(), World.PASSWORD);

        mvc.perform(json(post("/api/v1/devices/" + printer.id() + "/releases").cookie(session),
                        "{\"jobIds\":[\"" + first.id() + "\"]}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.released[0].jobId").value(first.id().toString()));
        clock.advance(java.time.Duration.ofSeconds(1));
        String token = apiTokens.create(person.actor(), "phone", 1).secret();
        mvc.perform(json(post("/api/v1/devices/" + printer.id() + "/releases").header("Authorization", "Bearer " + token),
                        "{\"jobIds\":[\"" + second.id() + "\"],\"copies\":2}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.released[0].copies").value(2));

        mvc.perform(as(printer.credential(), get(API + "/devices/" + printer.id() + "/releases")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].jobId").value(first.id().toString()));
        mvc.perform(as(printer.credential(), get(API + "/devices/" + printer.id() + "/releases/" + second.id() + "/document")))
                .andExpect(status().isOk()).andExpect(content().contentType("application/pdf"));
    }

    @Test
    void onlyAnActivePrinterOfThePersonsOrganizationTakesReleases() throws Exception {
        OrgId org = world.customer(world.root(), "Which Printer Co");
        var person = world.person(org, FixedRole.CUSTOMER_USER);
        var colleague = world.person(org, FixedRole.CUSTOMER_USER);
        PrintJob job = submit(person);
        var unregistered = kit.printer(org, "Retired");
        devices.unregister(kit.adminOf(org), org, unregistered.id());
        var agent = kit.agent(org, "Agent");
        DeviceId lan = kit.agentPrinter(agent, "LAN");
        var foreign = kit.printer(world.customer(world.root(), "Other Printer Co"), "Not yours");
        var auth = authentication(new ActorAuthentication(person.actor()));
        String body = "{\"jobIds\":[\"" + job.id() + "\"]}";

        for (DeviceId wrong : new DeviceId[] {unregistered.id(), agent.id(), foreign.id(), DeviceId.random()}) {
            mvc.perform(json(post("/api/v1/devices/" + wrong + "/releases").with(auth), body)).andExpect(status().isNotFound());
        }
        assertThat(printJobs.get(person.actor(), job.id()).state()).isEqualTo(PrintJob.State.HELD);

        // a colleague's job, even at the right printer: 404, audited, nothing released
        mvc.perform(json(post("/api/v1/devices/" + lan + "/releases").with(authentication(new ActorAuthentication(colleague.actor()))),
                body)).andExpect(status().isNotFound());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE type = 'DEVICE_MISUSE' AND org_id = ? AND actor_user_id = ?")
                .params(org.value(), colleague.userId().value()).query(Integer.class).single()).isOne();

        // a printer an agent stands in for takes releases; the agent finds them
        mvc.perform(json(post("/api/v1/devices/" + lan + "/releases").with(auth), body))
                .andExpect(status().isOk()).andExpect(jsonPath("$.released.length()").value(1));
        mvc.perform(as(agent.credential(), get(API + "/devices/" + lan + "/releases")))
                .andExpect(jsonPath("$[0].jobId").value(job.id().toString()));
    }

    @Test
    void thePrintersAPersonMayReleaseToShowOnlyIdNameAndLocation() throws Exception {
        OrgId org = world.customer(world.root(), "Listing Printers Co");
        var person = world.person(org, FixedRole.CUSTOMER_USER);
        var lobby = kit.printer(org, "Lobby");
        devices.update(kit.adminOf(org), org, lobby.id(), "Lobby", "Ground floor", null);
        var retired = kit.printer(org, "Retired");
        devices.unregister(kit.adminOf(org), org, retired.id());
        kit.agent(org, "Agent");
        kit.printer(world.customer(world.root(), "Neighbour Release Co"), "Neighbour's");

        String list = mvc.perform(get("/api/v1/release-printers").with(authentication(new ActorAuthentication(person.actor()))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        var printers = json.readValue(list, java.util.List.class);
        assertThat(printers).containsExactly(Map.of("id", lobby.id().toString(), "name", "Lobby", "location", "Ground floor"));

        var providerAdmin = world.adminOf(world.root());
        mvc.perform(get("/api/v1/release-printers").with(authentication(new ActorAuthentication(providerAdmin.actor()))))
                .andExpect(status().isForbidden());
    }
}
