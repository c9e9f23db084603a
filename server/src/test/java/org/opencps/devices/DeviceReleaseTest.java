package org.opencps.devices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.opencps.devices.DeviceKit.API;
import static org.opencps.devices.DeviceKit.as;
import static org.opencps.testing.Api.json;
import static org.opencps.testing.Eventually.eventually;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.devices.DeviceKit.Registered;
import org.opencps.identity.Pins;
import org.opencps.platform.errors.NotFoundException;
import org.opencps.platform.ids.DeviceId;
import org.opencps.platform.ids.OrgId;
import org.opencps.printing.DocumentFormat;
import org.opencps.printing.JobTicket;
import org.opencps.printing.PrintJob;
import org.opencps.printing.PrintJobs;
import org.opencps.printing.PrintQuota;
import org.opencps.printing.PrintQuotas;
import org.opencps.printing.SampleDocuments;
import org.opencps.printing.StoredBlobs;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.RowCounts;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** PRODUCT.md §4 release at the printer: a person's own held jobs, released whole or refused whole, printed, gone. */
@OpenCpsTest
@Import(DeviceKit.class)
class DeviceReleaseTest {

    static final String ONE_JOB = "{\"jobIds\":[\"%s\"]}";

    @Autowired MockMvc mvc;
    @Autowired World world;
    @Autowired DeviceKit kit;
    @Autowired JdbcClient jdbc;
    @Autowired Pins pins;
    @Autowired PrintJobs printJobs;
    @Autowired PrintQuotas quotas;
    @Autowired StoredBlobs blobs;
    @Autowired DeviceReleases releases;

    PrintJob submit(World.Person person, String name, byte[] pdf) {
        return printJobs.submit(person.actor(), new JobTicket(name, DocumentFormat.PDF, 2, null, null, null, null),
                new ByteArrayInputStream(pdf));
    }


    ResultActions release(Registered printer, String session, String body) throws Exception {
        return mvc.perform(as(printer.credential(), json(post(API + "/devices/" + printer.id() + "/sessions/current/releases"), body))
                .header("X-OpenCPS-Session", session));
    }


    @Test
    void theWholeFlowFromActivationCodeToAPrintedAndDeletedDocument() throws Exception {
        OrgId org = world.customer(world.root(), "Flow Co");
        var person = world.person(org, FixedRole.CUSTOMER_USER);
        byte[] pdf = SampleDocuments.pdf(3);
        PrintJob job = submit(person, "report.pdf", pdf);

        Registered printer = DeviceKit.registered(kit.register(kit.code(org), "PRINTER", "Hall"));
        String heartbeat = API + "/devices/" + printer.id() + "/heartbeat";
        mvc.perform(as(printer.credential(), json(post(heartbeat), "{\"status\":\"IDLE\"}")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.releasesWaiting").value(0));
        String session = kit.pinSession(printer, printer.id(), person);
        mvc.perform(as(printer.credential(), get(API + "/devices/" + printer.id() + "/sessions/current/jobs"))
                        .header("X-OpenCPS-Session", session))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].jobId").value(job.id().toString()));

        release(printer, session, ONE_JOB.formatted(job.id())).andExpect(status().isOk())
                .andExpect(jsonPath("$.refused.length()").value(0))
                .andExpect(jsonPath("$.released[0].jobId").value(job.id().toString()))
                .andExpect(jsonPath("$.released[0].format").value("application/pdf"))
                .andExpect(jsonPath("$.released[0].pages").value(3))
                .andExpect(jsonPath("$.released[0].copies").value(2))
                .andExpect(jsonPath("$.released[0].chargedPages").value(6))
                .andExpect(jsonPath("$.released[0].owner.displayName").value(containsString("Person")));
        mvc.perform(as(printer.credential(), json(post(heartbeat), "{\"status\":\"PRINTING\"}")))
                .andExpect(jsonPath("$.releasesWaiting").value(1));
        mvc.perform(as(printer.credential(), get(API + "/devices/" + printer.id() + "/releases")))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].jobId").value(job.id().toString()))
                .andExpect(jsonPath("$[0].owner.displayName").exists())
                .andExpect(jsonPath("$[0].owner.id").doesNotExist());

        mvc.perform(as(printer.credential(), get(API + "/devices/" + printer.id() + "/releases/" + job.id() + "/document")))
                .andExpect(status().isOk()).andExpect(content().contentType("application/pdf"))
                .andExpect(content().bytes(pdf));
        mvc.perform(as(printer.credential(), json(post(API + "/devices/" + printer.id() + "/releases/" + job.id() + "/outcome"),
                        "{\"success\":true,\"pagesPrinted\":6,\"colorPages\":0,\"monochromePages\":6,\"sheetsDuplex\":false}")))
                .andExpect(status().isNoContent());

        assertThat(printJobs.get(person.actor(), job.id()).state()).isEqualTo(PrintJob.State.COMPLETED);
        assertThat(blobs.of(org)).isEmpty();
        assertThatThrownBy(() -> printJobs.document(person.actor(), job.id()).close()).isInstanceOf(NotFoundException.class);
        mvc.perform(as(printer.credential(), get(API + "/devices/" + printer.id() + "/releases/" + job.id() + "/document")))
                .andExpect(status().isNotFound());
        mvc.perform(as(printer.credential(), get(API + "/devices/" + printer.id() + "/releases"))).andExpect(jsonPath("$.length()").value(0));
        eventually(() -> {
            assertThat(kit.audited("PRINT_JOB_RELEASED", org)).isOne();
            assertThat(kit.audited("PRINT_JOB_COMPLETED", org)).isOne();
        });
    }

    @Test
    void eachJobIsReleasedWholeOrRefusedWholeWithTheReason() throws Exception {
        OrgId org = world.customer(world.root(), "Quota Co");
        var person = world.person(org, FixedRole.CUSTOMER_USER);
        var printer = kit.printer(org, "Hall");
        PrintJob small = submit(person, "small.pdf", SampleDocuments.pdf(1));
        PrintJob large = submit(person, "large.pdf", SampleDocuments.pdf(5));
        quotas.set(kit.adminOf(org), org, PrintQuota.Scope.USER, person.userId().value(), 4, 4);
        String session = kit.pinSession(printer, printer.id(), person);

        release(printer, session, "{\"jobIds\":[\"" + small.id() + "\",\"" + large.id() + "\"],\"colorMode\":\"MONOCHROME\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.released.length()").value(1))
                .andExpect(jsonPath("$.released[0].jobId").value(small.id().toString()))
                .andExpect(jsonPath("$.released[0].colorMode").value("MONOCHROME"))
                .andExpect(jsonPath("$.released[0].chargedPages").value(2))
                .andExpect(jsonPath("$.refused[0].jobId").value(large.id().toString()))
                .andExpect(jsonPath("$.refused[0].reason").value(containsString("left")));
        assertThat(printJobs.get(person.actor(), large.id()).state()).isEqualTo(PrintJob.State.HELD);
        // a job released already is refused, not released twice
        release(printer, session, ONE_JOB.formatted(small.id())).andExpect(status().isOk())
                .andExpect(jsonPath("$.released.length()").value(0))
                .andExpect(jsonPath("$.refused[0].reason").value(containsString("not held")));
        release(printer, session, "{\"jobIds\":[\"" + large.id() + "\"],\"copies\":0}").andExpect(status().isOk())
                .andExpect(jsonPath("$.refused.length()").value(1));
    }

    @Test
    void aJobOfAnotherPersonOrOrganizationIsA404ChangesNothingAndIsAudited() throws Exception {
        OrgId org = world.customer(world.root(), "Misuse Co");
        var person = world.person(org, FixedRole.CUSTOMER_USER);
        var colleague = world.person(org, FixedRole.CUSTOMER_ADMIN);
        var stranger = world.person(world.customer(world.root(), "Stranger Release Co"), FixedRole.CUSTOMER_USER);
        var printer = kit.printer(org, "Hall");
        PrintJob mine = submit(person, "mine.pdf", SampleDocuments.pdf(1));
        PrintJob theirs = submit(colleague, "theirs.pdf", SampleDocuments.pdf(1));
        PrintJob foreign = submit(stranger, "foreign.pdf", SampleDocuments.pdf(1));
        String session = kit.pinSession(printer, printer.id(), person);
        var before = RowCounts.of(jdbc, "printing_");

        release(printer, session, "{\"jobIds\":[\"" + mine.id() + "\",\"" + theirs.id() + "\"]}").andExpect(status().isNotFound());
        release(printer, session, ONE_JOB.formatted(foreign.id())).andExpect(status().isNotFound());
        release(printer, session, ONE_JOB.formatted(java.util.UUID.randomUUID())).andExpect(status().isNotFound());

        assertThat(RowCounts.of(jdbc, "printing_")).isEqualTo(before);
        assertThat(printJobs.get(person.actor(), mine.id()).state()).isEqualTo(PrintJob.State.HELD);
        assertThat(printJobs.get(colleague.actor(), theirs.id()).state()).isEqualTo(PrintJob.State.HELD);
        assertThat(kit.audited("DEVICE_MISUSE", org)).isEqualTo(3);
    }

    @Test
    void aPrinterGetsOnlyTheDocumentsReleasedToItAndAFailedPrintHoldsTheJobAgain() throws Exception {
        OrgId org = world.customer(world.root(), "Documents Co");
        var person = world.person(org, FixedRole.CUSTOMER_USER);
        var hall = kit.printer(org, "Hall");
        var office = kit.printer(org, "Office");
        PrintJob held = submit(person, "held.pdf", SampleDocuments.pdf(1));
        PrintJob job = submit(person, "job.pdf", SampleDocuments.pdf(1));
        release(hall, kit.pinSession(hall, hall.id(), person), ONE_JOB.formatted(job.id())).andExpect(jsonPath("$.released.length()").value(1));
        int misuse = kit.audited("DEVICE_MISUSE", org);

        mvc.perform(as(office.credential(), get(API + "/devices/" + office.id() + "/releases/" + job.id() + "/document")))
                .andExpect(status().isNotFound());
        mvc.perform(as(hall.credential(), get(API + "/devices/" + hall.id() + "/releases/" + held.id() + "/document")))
                .andExpect(status().isNotFound());
        mvc.perform(as(office.credential(), json(post(API + "/devices/" + office.id() + "/releases/" + job.id() + "/outcome"),
                "{\"success\":true}"))).andExpect(status().isNotFound());
        assertThat(kit.audited("DEVICE_MISUSE", org)).isEqualTo(misuse + 3);

        String outcome = API + "/devices/" + hall.id() + "/releases/" + job.id() + "/outcome";
        mvc.perform(as(hall.credential(), json(post(outcome), "{\"pagesPrinted\":1}")))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("success"));
        mvc.perform(as(hall.credential(), json(post(outcome), "{\"success\":true,\"pagesPrinted\":-1}")))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(as(hall.credential(), json(post(outcome), "{\"success\":false,\"message\":\"paper jam\"}")))
                .andExpect(status().isNoContent());
        assertThat(printJobs.get(person.actor(), job.id()).state()).isEqualTo(PrintJob.State.HELD);
        mvc.perform(as(hall.credential(), json(post(outcome), "{\"success\":true}"))).andExpect(status().isNotFound());
    }

    @Test
    void anAgentGetsNothingOfAJobReleasedToAnotherAgentsPrinterWhicheverPrinterItNames() throws Exception {
        OrgId org = world.customer(world.root(), "Two Agents Co");
        var person = world.person(org, FixedRole.CUSTOMER_USER);
        var agent = kit.agent(org, "Agent A");
        DeviceId lan = kit.agentPrinter(agent, "LAN A");
        var otherAgent = kit.agent(org, "Agent B");
        DeviceId othersLan = kit.agentPrinter(otherAgent, "LAN B");
        PrintJob job = submit(person, "lan.pdf", SampleDocuments.pdf(1));
        releases.releaseToPrinter(person.actor(), lan, java.util.List.of(job.id()), null, "192.0.2.7");
        int misuse = kit.audited("DEVICE_MISUSE", org);
        var before = RowCounts.of(jdbc, "printing_");

        for (DeviceId named : java.util.List.of(othersLan, lan, otherAgent.id())) {
            String base = API + "/devices/" + named + "/releases";
            mvc.perform(as(otherAgent.credential(), get(base + "/" + job.id() + "/document"))).andExpect(status().isNotFound());
            mvc.perform(as(otherAgent.credential(), json(post(base + "/" + job.id() + "/outcome"), "{\"success\":false}")))
                    .andExpect(status().isNotFound());
        }
        for (DeviceId its : java.util.List.of(othersLan, otherAgent.id())) {
            mvc.perform(as(otherAgent.credential(), get(API + "/devices/" + its + "/releases"))).andExpect(status().isOk())
                    .andExpect(content().string(not(containsString(job.id().toString()))));
        }
        mvc.perform(as(otherAgent.credential(), get(API + "/devices/" + lan + "/releases"))).andExpect(status().isNotFound());

        assertThat(RowCounts.of(jdbc, "printing_")).isEqualTo(before);
        assertThat(printJobs.get(person.actor(), job.id()).state()).isEqualTo(PrintJob.State.RELEASED);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM printing_job WHERE id = ? AND document_fetched_at IS NULL")
                .param(job.id().value()).query(Integer.class).single()).isEqualTo(1);
        assertThat(kit.audited("DEVICE_MISUSE", org)).isEqualTo(misuse + 2 * 2);
        mvc.perform(as(agent.credential(), get(API + "/devices/" + lan + "/releases/" + job.id() + "/document")))
                .andExpect(status().isOk());
    }

    @Test
    void badReleaseRequestsAreRefusedNamingTheField() throws Exception {
        OrgId org = world.customer(world.root(), "Bad Release Co");
        var person = world.person(org, FixedRole.CUSTOMER_USER);
        var printer = kit.printer(org, "Hall");
        String session = kit.pinSession(printer, printer.id(), person);
        release(printer, session, "{\"jobIds\":[]}").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.field").value("jobIds"));
        release(printer, session, "{}").andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("jobIds"));
        String many = java.util.stream.IntStream.range(0, 101).mapToObj(i -> "\"" + java.util.UUID.randomUUID() + "\"")
                .collect(java.util.stream.Collectors.joining(","));
        release(printer, session, "{\"jobIds\":[" + many + "]}").andExpect(status().isUnprocessableContent());
        release(printer, session, "{\"jobIds\":[\"not-a-uuid\"]}").andExpect(status().isBadRequest());
        release(printer, session, "{\"jobIds\":[\"" + java.util.UUID.randomUUID() + "\"],\"colorMode\":\"RAINBOW\"}")
                .andExpect(status().isBadRequest());
        release(printer, "ocpss_" + "x".repeat(43), "{\"jobIds\":[\"" + java.util.UUID.randomUUID() + "\"]}")
                .andExpect(status().isUnauthorized());
    }
}
