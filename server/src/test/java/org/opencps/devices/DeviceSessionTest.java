package org.opencps.devices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.opencps.devices.DeviceKit.API;
import static org.opencps.devices.DeviceKit.as;
import static org.opencps.testing.Api.json;
import static org.opencps.testing.Eventually.eventually;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.devices.DeviceKit.Registered;
import org.opencps.identity.Cards;
import org.opencps.identity.Pins;
import org.opencps.platform.ids.DeviceId;
import org.opencps.platform.ids.OrgId;
import org.opencps.printing.DocumentFormat;
import org.opencps.printing.JobTicket;
import org.opencps.printing.PrintJob;
import org.opencps.printing.PrintJobs;
import org.opencps.printing.SampleDocuments;
import org.opencps.tenancy.OrganizationSettings;
import org.opencps.tenancy.Organizations;
import org.opencps.testing.MutableClock;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** A person's session at a printer: bound to it, ended by logout, the idle timeout or after 1 hour; only their own jobs. */
@OpenCpsTest
@Import(DeviceKit.class)
class DeviceSessionTest {

    @Autowired MockMvc mvc;
    @Autowired World world;
    @Autowired DeviceKit kit;
    @Autowired JdbcClient jdbc;
    @Autowired MutableClock clock;
    @Autowired Pins pins;
    @Autowired Cards cards;
    @Autowired PrintJobs printJobs;
    @Autowired Organizations organizations;


    ResultActions jobs(Registered printer, DeviceId device, String session) throws Exception {
        return mvc.perform(as(printer.credential(), get(API + "/devices/" + device + "/sessions/current/jobs"))
                .header("X-OpenCPS-Session", session));
    }

    PrintJob submit(World.Person person, String name) {
        return printJobs.submit(person.actor(), new JobTicket(name, DocumentFormat.PDF, 2, null, null, null, null),
                new ByteArrayInputStream(SampleDocuments.pdf(3)));
    }


    @Test
    void thePersonSeesTheirOwnHeldJobsAndNobodyElses() throws Exception {
        OrgId org = world.customer(world.root(), "Jobs Co");
        var printer = kit.printer(org, "Hall");
        var person = world.person(org, FixedRole.CUSTOMER_USER);
        var colleague = world.person(org, FixedRole.CUSTOMER_ADMIN);
        PrintJob mine = submit(person, "mine.pdf");
        PrintJob deleted = submit(person, "deleted.pdf");
        printJobs.delete(person.actor(), deleted.id());
        submit(colleague, "colleague.pdf");

        String session = kit.pinSession(printer, printer.id(), person);
        jobs(printer, printer.id(), session).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].jobId").value(mine.id().toString()))
                .andExpect(jsonPath("$[0].name").value("mine.pdf"))
                .andExpect(jsonPath("$[0].pages").value(3))
                .andExpect(jsonPath("$[0].copies").value(2))
                .andExpect(jsonPath("$[0].submittedAt").exists());
    }

    @Test
    void theSessionEndsAfterTheOrganizationsIdleTimeout() throws Exception {
        OrgId org = world.customer(world.root(), "Idle Devices Co");
        organizations.updateSettings(kit.adminOf(org), org,
                new OrganizationSettings(10, 24, null, null), "127.0.0.1");
        var printer = kit.printer(org, "Hall");
        var person = world.person(org, FixedRole.CUSTOMER_USER);
        String session = kit.pinSession(printer, printer.id(), person);

        clock.advance(Duration.ofMinutes(10).minusSeconds(1));
        jobs(printer, printer.id(), session).andExpect(status().isOk());
        clock.advance(Duration.ofMinutes(10).minusSeconds(1));
        jobs(printer, printer.id(), session).andExpect(status().isOk());
        clock.advance(Duration.ofMinutes(10));
        jobs(printer, printer.id(), session).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value(containsString("10 minutes without use")));
        jobs(printer, printer.id(), session).andExpect(status().isUnauthorized());
    }

    @Test
    void aSessionLastsAtMostOneHourHoweverBusy() throws Exception {
        OrgId org = world.customer(world.root(), "Busy Co");
        var printer = kit.printer(org, "Hall");
        var person = world.person(org, FixedRole.CUSTOMER_USER);
        String session = kit.pinSession(printer, printer.id(), person);
        for (int i = 0; i < 3; i++) {
            clock.advance(Duration.ofMinutes(20));
            if (i < 2) {
                jobs(printer, printer.id(), session).andExpect(status().isOk());
            }
        }
        clock.advance(Duration.ofSeconds(-1));
        jobs(printer, printer.id(), session).andExpect(status().isOk());
        clock.advance(Duration.ofSeconds(1));
        jobs(printer, printer.id(), session).andExpect(status().isUnauthorized());
    }

    @Test
    void logoutEndsTheSession() throws Exception {
        OrgId org = world.customer(world.root(), "Logout Co");
        var printer = kit.printer(org, "Hall");
        String session = kit.pinSession(printer, printer.id(), world.person(org, FixedRole.CUSTOMER_USER));
        mvc.perform(as(printer.credential(), delete(API + "/devices/" + printer.id() + "/sessions/current"))
                .header("X-OpenCPS-Session", session)).andExpect(status().isNoContent());
        jobs(printer, printer.id(), session).andExpect(status().isUnauthorized());
        jobs(printer, printer.id(), "ocpss_" + "x".repeat(43)).andExpect(status().isUnauthorized());
        mvc.perform(as(printer.credential(), get(API + "/devices/" + printer.id() + "/sessions/current/jobs")))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void aSessionPresentedByAnotherDeviceIsRefusedAndAudited() throws Exception {
        OrgId org = world.customer(world.root(), "Stolen Co");
        var printer = kit.printer(org, "Hall");
        var thief = kit.printer(org, "Other printer");
        var foreign = kit.printer(world.customer(world.root(), "Thief Co"), "Foreign");
        String session = kit.pinSession(printer, printer.id(), world.person(org, FixedRole.CUSTOMER_USER));

        jobs(thief, thief.id(), session).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value("this session belongs to another device"));
        jobs(foreign, foreign.id(), session).andExpect(status().isUnauthorized());
        jobs(thief, printer.id(), session).andExpect(status().isNotFound());
        assertThat(kit.audited("DEVICE_MISUSE", org)).isEqualTo(2);
        jobs(printer, printer.id(), session).andExpect(status().isOk());
    }

    @Test
    void anAgentLogsPeopleInAtThePrinterItStandsInForAndTheSessionIsBoundToThatPrinter() throws Exception {
        OrgId org = world.customer(world.root(), "Agent Login Co");
        var agent = kit.agent(org, "Agent");
        DeviceId lanA = kit.agentPrinter(agent, "LAN A");
        DeviceId lanB = kit.agentPrinter(agent, "LAN B");
        var person = world.person(org, FixedRole.CUSTOMER_USER);
        String session = kit.pinSession(agent, lanA, person);
        jobs(agent, lanA, session).andExpect(status().isOk());
        jobs(agent, lanB, session).andExpect(status().isUnauthorized());
        // an agent is not a printer: nobody logs in at it
        mvc.perform(as(agent.credential(), json(post(API + "/devices/" + agent.id() + "/sessions"),
                "{\"method\":\"PIN\",\"pin\":\"" + pins.myPin(person.actor()).pin() + "\"}"))).andExpect(status().isNotFound());
    }

    @Test
    void aPersonRegistersACardAtTheDeviceAndLogsInWithItNextTime() throws Exception {
        OrgId org = world.customer(world.root(), "Card At Device Co");
        var printer = kit.printer(org, "Hall");
        var person = world.person(org, FixedRole.CUSTOMER_USER);
        String session = kit.pinSession(printer, printer.id(), person);
        mvc.perform(as(printer.credential(), json(post(API + "/devices/" + printer.id() + "/sessions/current/cards"),
                        "{\"cardNumber\":\"0A0B0C0D\",\"label\":\"Badge\"}")).header("X-OpenCPS-Session", session))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.label").value("Badge"));
        assertThat(cards.cards(person.actor(), org, person.userId())).singleElement()
                .satisfies(card -> assertThat(card.label()).isEqualTo("Badge"));
        mvc.perform(as(printer.credential(), json(post(API + "/devices/" + printer.id() + "/sessions"),
                "{\"method\":\"CARD\",\"cardNumber\":\"0a0b0c0d\"}"))).andExpect(status().isCreated());
        eventually(() -> assertThat(kit.audited("CARD_REGISTERED", org)).isOne());
    }

    @Test
    void aCardIsAddedOnlyRightAfterLoggingIn() throws Exception {
        OrgId org = world.customer(world.root(), "Late Card Co");
        var printer = kit.printer(org, "Hall");
        var person = world.person(org, FixedRole.CUSTOMER_USER);
        String session = kit.pinSession(printer, printer.id(), person);

        clock.advance(Duration.ofMinutes(2).minusSeconds(1));
        mvc.perform(addCard(printer, session, "0E0F1011")).andExpect(status().isCreated());
        clock.advance(Duration.ofSeconds(1));
        mvc.perform(addCard(printer, session, "0E0F1012")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.field").value("cardNumber"));
        assertThat(cards.cards(person.actor(), org, person.userId())).hasSize(1);
    }

    private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder addCard(
            DeviceKit.Registered printer, String session, String number) {
        return as(printer.credential(), json(post(API + "/devices/" + printer.id() + "/sessions/current/cards"),
                "{\"cardNumber\":\"" + number + "\"}")).header("X-OpenCPS-Session", session);
    }

    @Test
    void aDiscontinuedOrganizationsDevicesStopWorking() throws Exception {
        OrgId org = world.customer(world.root(), "Closing Co");
        var printer = kit.printer(org, "Hall");
        organizations.discontinue(world.rootAdmin().actor(), org);
        mvc.perform(as(printer.credential(), json(post(API + "/devices/" + printer.id() + "/heartbeat"), "{\"status\":\"IDLE\"}")))
                .andExpect(status().isUnauthorized());
    }
}
