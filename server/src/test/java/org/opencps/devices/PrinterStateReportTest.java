package org.opencps.devices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opencps.devices.DeviceKit.API;
import static org.opencps.devices.DeviceKit.as;
import static org.opencps.testing.Api.json;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencps.devices.DeviceStatus.Status;
import org.opencps.devices.PrinterStateReport.State;
import org.opencps.platform.errors.ForbiddenException;
import org.opencps.platform.errors.InvalidInputException;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.ActorAuthentication;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A printer's IPP state (as its INFRA proxy reports it) becomes its device status by RFC 8011's
 * severity suffixes, merged with what was reported before, within the limits of what is kept.
 */
@OpenCpsTest
@Import(DeviceKit.class)
class PrinterStateReportTest {

    @Autowired MockMvc mvc;
    @Autowired World world;
    @Autowired DeviceKit kit;
    @Autowired DeviceHeartbeats heartbeats;
    @Autowired Devices devices;

    OrgId org;
    DeviceKit.Registered printer;
    DevicePrincipal principal;

    @BeforeEach
    void aPrinter() throws Exception {
        org = world.customer(world.root(), "State Co " + java.util.UUID.randomUUID());
        printer = kit.printer(org, "Hall");
        principal = new DevicePrincipal(org, printer.id(), DeviceKind.PRINTER);
    }

    @Test
    void stateAndReasonsMapToTheStatusAsTheAgentMapsThem() {
        assertThat(report(State.IDLE, List.of("none"))).isEqualTo(Status.IDLE);
        assertThat(report(State.PROCESSING, List.of())).isEqualTo(Status.PRINTING);
        assertThat(report(State.STOPPED, List.of("none"))).isEqualTo(Status.ERROR);
        assertThat(report(State.PROCESSING, List.of("toner-low-warning"))).isEqualTo(Status.WARNING);
        assertThat(report(State.IDLE, List.of("media-empty-error", "toner-low-warning"))).isEqualTo(Status.ERROR);
        assertThat(report(State.IDLE, List.of("media-jam"))).as("no suffix is an error").isEqualTo(Status.ERROR);
        assertThat(report(State.IDLE, List.of("moving-to-paused-report"))).isEqualTo(Status.IDLE);
    }

    @Test
    void whatAReportLeavesOutStaysAsReportedBeforeAndAHeartbeatReplacesItAll() throws Exception {
        mvc.perform(as(printer.credential(), json(post(API + "/devices/" + printer.id() + "/heartbeat"),
                "{\"status\":\"PRINTING\",\"counters\":{\"totalPages\":7},\"security\":{\"tlsOnly\":true}}"))).andExpect(status().isOk());

        heartbeats.recordPrinterState(principal, new PrinterStateReport(null, List.of("none", "toner-low-warning", "none"), "Toner low"));
        DeviceStatus warned = current();
        assertThat(warned.status()).as("still printing, by the heartbeat, with a warning").isEqualTo(Status.WARNING);
        assertThat(warned.stateReasons()).containsExactly("toner-low-warning");
        assertThat(warned.counters().totalPages()).isEqualTo(7);
        assertThat(warned.security().tlsOnly()).isTrue();

        heartbeats.recordPrinterState(principal, new PrinterStateReport(State.STOPPED, null, null));
        assertThat(current()).extracting(DeviceStatus::status, DeviceStatus::stateReasons, DeviceStatus::statusMessage)
                .containsExactly(Status.ERROR, List.of("toner-low-warning"), "Toner low");
        heartbeats.recordPrinterState(principal, new PrinterStateReport(null, List.of("none"), ""));
        assertThat(current()).extracting(DeviceStatus::status, DeviceStatus::stateReasons, DeviceStatus::statusMessage)
                .as("still stopped; no reasons; the message cleared").containsExactly(Status.ERROR, List.of(), null);

        mvc.perform(as(printer.credential(), json(post(API + "/devices/" + printer.id() + "/heartbeat"), "{\"status\":\"IDLE\"}")))
                .andExpect(status().isOk());
        assertThat(current().status()).isEqualTo(Status.IDLE);
        heartbeats.recordPrinterState(principal, new PrinterStateReport(null, List.of("toner-low-report"), null));
        assertThat(current().status()).as("the heartbeat's idle is the state now").isEqualTo(Status.IDLE);
    }

    @Test
    void reasonsAndTheMessageAreKeptWithinTheirLimits() {
        heartbeats.recordPrinterState(principal, new PrinterStateReport(State.IDLE, reasons(PrinterStateReport.MAX_REASONS),
                "m".repeat(DeviceStatus.MAX_MESSAGE_LENGTH)));
        assertThat(current().stateReasons()).hasSize(16);
        assertThat(current().statusMessage()).hasSize(500);
        heartbeats.recordPrinterState(principal, new PrinterStateReport(null, List.of("r".repeat(100)), null));
        assertThat(current().stateReasons()).containsExactly("r".repeat(100));

        for (var refused : List.of(new PrinterStateReport(null, reasons(17), null),
                new PrinterStateReport(null, List.of("r".repeat(101)), null),
                new PrinterStateReport(null, List.of("Media-Jam"), null),
                new PrinterStateReport(null, java.util.Arrays.asList("media-jam", null), null))) {
            assertThatThrownBy(() -> heartbeats.recordPrinterState(principal, refused)).as(refused.toString())
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("state reason");
        }
        for (String message : List.of("m".repeat(501), "line\nbreak")) {
            assertThatThrownBy(() -> heartbeats.recordPrinterState(principal, new PrinterStateReport(null, null, message)))
                    .isInstanceOf(InvalidInputException.class);
        }
        assertThat(current().stateReasons()).as("nothing of a refused report is kept").containsExactly("r".repeat(100));
    }

    @Test
    void onlyAPrinterReportsAPrinterState() throws Exception {
        var agent = kit.agent(org, "Agent");
        assertThatThrownBy(() -> heartbeats.recordPrinterState(new DevicePrincipal(org, agent.id(), DeviceKind.AGENT),
                new PrinterStateReport(State.IDLE, null, null))).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void thePortalShowsWhatThePrinterSays() throws Exception {
        heartbeats.recordPrinterState(principal, new PrinterStateReport(State.STOPPED, List.of("media-empty-error", "door-open"),
                "Close the door"));

        String page = mvc.perform(get("/orgs/" + org + "/devices/" + printer.id())
                        .with(authentication(new ActorAuthentication(kit.adminOf(org)))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("media-empty-error, door-open").contains("Close the door").contains("Error");
    }

    private Status report(State state, List<String> reasons) {
        return heartbeats.recordPrinterState(principal, new PrinterStateReport(state, reasons, null)).status();
    }

    private DeviceStatus current() {
        return devices.get(kit.adminOf(org), org, printer.id()).status();
    }

    private static List<String> reasons(int count) {
        List<String> reasons = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            reasons.add("reason-" + i + "-report");
        }
        return reasons;
    }
}
