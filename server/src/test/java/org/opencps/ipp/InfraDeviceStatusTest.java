package org.opencps.ipp;

import static org.assertj.core.api.Assertions.assertThat;

import com.hp.jipp.encoding.KeywordType;
import com.hp.jipp.encoding.Tag;
import com.hp.jipp.model.Operation;
import com.hp.jipp.model.PrinterState;
import com.hp.jipp.model.Status;
import com.hp.jipp.model.Types;
import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.devices.ActivationCodes;
import org.opencps.devices.DeviceRegistrations;
import org.opencps.devices.RegisteredDevice;
import org.opencps.identity.ApiTokens;
import org.opencps.platform.ids.OrgId;
import org.opencps.testing.MutableClock;
import org.opencps.testing.World;
import org.opencps.testing.peers.Ipptool;
import org.opencps.testing.peers.IpptoolReport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What an IPP INFRA proxy reports of its printer (Update-Output-Device-Attributes) is the device's
 * status, as the REST API shows it, the same status a Device API heartbeat sets; kept in the
 * database, and only for the printer the proxy's credential stands for.
 */
@IppServerTest
class InfraDeviceStatusTest {

    @LocalServerPort int port;
    @Autowired World world;
    @Autowired ActivationCodes activationCodes;
    @Autowired DeviceRegistrations registrations;
    @Autowired ApiTokens apiTokens;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;

    final HttpClient http = HttpClient.newHttpClient();
    InfraCalls calls;
    OrgId org;
    RegisteredDevice printer;
    String adminToken;

    @BeforeEach
    void aPrinterAndItsAdmin() {
        calls = new InfraCalls(port);
        org = world.customer(world.root(), Ipp.unique("Status Co"));
        printer = InfraCalls.register(world, activationCodes, registrations, org, "Lobby");
        adminToken = tokenOfAnAdmin(org);
    }

    @Test
    void ipptoolAsTheProxyStopsThePrinterAndTheApiShowsItUntilAHeartbeatOrUpdateChangesIt() throws Exception {
        OrgId otherOrg = world.customer(world.root(), Ipp.unique("Other Co"));
        RegisteredDevice theirs = InfraCalls.register(world, activationCodes, registrations, otherOrg, "Theirs");
        heartbeat(theirs, "{\"status\":\"IDLE\",\"statusMessage\":\"all well\"}");
        String theirsBefore = device(otherOrg, theirs, tokenOfAnAdmin(otherOrg)).jsonString();
        clock.advance(Duration.ofMinutes(3));

        URI uri = URI.create("ipp://proxy:" + printer.credential() + "@127.0.0.1:" + port + "/ipp/infra/" + printer.deviceId());
        IpptoolReport report = Ipptool.against(uri).define("uuid", "urn:uuid:" + printer.deviceId())
                .run(Path.of(InfraDeviceStatusTest.class.getResource("/ipp/infra-device-status.test").toURI()).toString());
        assertThat(report.problems()).isEmpty();
        assertThat(report.passed()).hasSize(5);

        DocumentContext stopped = device(org, printer, adminToken);
        assertThat(stopped.read("$.status.status", String.class)).isEqualTo("ERROR");
        assertThat(stopped.read("$.status.stateReasons", List.class)).containsExactly("media-empty-error", "toner-low-warning");
        assertThat(stopped.read("$.status.statusMessage", String.class)).isEqualTo("Load paper in tray 1");
        assertThat(stopped.read("$.lastSeenAt", String.class)).isEqualTo(clock.instant().toString());
        assertThat(jdbc.sql("SELECT printer_state FROM devices_heartbeat WHERE org_id = ? AND device_id = ?")
                .params(org.value(), printer.deviceId().value()).query(String.class).single())
                .as("kept in the database, as heartbeats are").isEqualTo("STOPPED");
        assertThat(device(otherOrg, theirs, tokenOfAnAdmin(otherOrg)).jsonString()).isEqualTo(theirsBefore);

        clock.advance(Duration.ofMinutes(1));
        heartbeat(printer, "{\"status\":\"IDLE\",\"counters\":{\"totalPages\":42}}");
        DocumentContext afterHeartbeat = device(org, printer, adminToken);
        assertThat(afterHeartbeat.read("$.status.status", String.class)).isEqualTo("IDLE");
        assertThat(afterHeartbeat.read("$.status.stateReasons", List.class)).isEmpty();
        assertThat(afterHeartbeat.read("$.lastSeenAt", String.class)).isEqualTo(clock.instant().toString());

        clock.advance(Duration.ofMinutes(1));
        var printing = update().putAttributes(Tag.printerAttributes, Types.printerState.of(PrinterState.processing));
        assertThat(Ipp.status(calls.call(printer, printing).packet())).isEqualTo(Status.successfulOk);
        DocumentContext afterUpdate = device(org, printer, adminToken);
        assertThat(afterUpdate.read("$.status.status", String.class)).isEqualTo("PRINTING");
        assertThat(afterUpdate.read("$.status.counters.totalPages", Integer.class)).as("the heartbeat's counter stays").isEqualTo(42);
        assertThat(afterUpdate.read("$.lastSeenAt", String.class)).isEqualTo(clock.instant().toString());
    }

    @Test
    void theInfrastructurePrinterIsIdleUntilAStateIsReportedThenShowsTheLastOne() throws Exception {
        var fresh = infrastructurePrinter();
        assertThat(fresh.getValue(Types.printerState)).isEqualTo(PrinterState.idle);
        assertThat(fresh.getStrings(Types.printerStateReasons)).containsExactly("none");
        assertThat(Ipp.names(fresh)).doesNotContain("printer-state-message");

        var processing = update().putAttributes(Tag.printerAttributes, Types.printerState.of(PrinterState.processing),
                Types.printerStateReasons.of("toner-low-warning"), Types.printerStateMessage.of("Printing page 2"));
        assertThat(Ipp.status(calls.call(printer, processing).packet())).isEqualTo(Status.successfulOk);
        var reported = infrastructurePrinter();
        assertThat(reported.getValue(Types.printerState)).isEqualTo(PrinterState.processing);
        assertThat(reported.getStrings(Types.printerStateReasons)).containsExactly("toner-low-warning");
        assertThat(reported.getString(Types.printerStateMessage)).isEqualTo("Printing page 2");

        var cleared = update().putAttributes(Tag.printerAttributes, Types.printerState.of(PrinterState.idle),
                Types.printerStateReasons.of("none"));
        assertThat(Ipp.status(calls.call(printer, cleared).packet())).isEqualTo(Status.successfulOk);
        var idle = infrastructurePrinter();
        assertThat(idle.getValue(Types.printerState)).isEqualTo(PrinterState.idle);
        assertThat(idle.getStrings(Types.printerStateReasons)).containsExactly("none");
        assertThat(idle.getString(Types.printerStateMessage)).as("left out of the update: as before").isEqualTo("Printing page 2");

        heartbeat(printer, "{\"status\":\"PRINTING\",\"statusMessage\":\"Busy\"}");
        var afterHeartbeat = infrastructurePrinter();
        assertThat(afterHeartbeat.getValue(Types.printerState)).isEqualTo(PrinterState.processing);
        assertThat(afterHeartbeat.getString(Types.printerStateMessage)).isEqualTo("Busy");
    }

    @Test
    void valuesTheStatusCannotKeepAreLeftOutOrCutAndAnsweredAsUnsupported() throws Exception {
        List<String> reasons = new ArrayList<>(List.of("media-jam", "Not A Keyword", "x".repeat(101)));
        for (int i = 0; reasons.size() < 20; i++) {
            reasons.add("custom-" + i + "-report");
        }
        var request = update().putAttributes(Tag.printerAttributes, new KeywordType("printer-state").of("idle"),
                Types.printerStateReasons.of(reasons), Types.printerStateMessage.of("Jam\u0007 in tray 2 " + "é".repeat(250) + "e".repeat(300)));

        var answer = calls.call(printer, request).packet();

        assertThat(Ipp.status(answer)).isEqualTo(Status.successfulOkIgnoredOrSubstitutedAttributes);
        var unsupported = answer.get(Tag.unsupportedAttributes);
        assertThat(Ipp.names(unsupported)).containsExactlyInAnyOrder("printer-state", "printer-state-reasons");
        assertThat(unsupported.getStrings(Types.printerStateReasons)).contains("Not A Keyword", "x".repeat(101))
                .hasSize(20 - 16);
        DocumentContext device = device(org, printer, adminToken);
        assertThat(device.read("$.status.status", String.class)).as("media-jam has no suffix: an error").isEqualTo("ERROR");
        assertThat(device.read("$.status.stateReasons", List.class)).hasSize(16).startsWith("media-jam", "custom-0-report");
        assertThat(device.read("$.status.statusMessage", String.class)).startsWith("Jam  in tray 2 éé").endsWith("ee").hasSize(500);
    }

    @Test
    void aProxyCannotReportForAPrinterOfAnotherOrganization() throws Exception {
        OrgId otherOrg = world.customer(world.root(), Ipp.unique("Victim Co"));
        RegisteredDevice theirs = InfraCalls.register(world, activationCodes, registrations, otherOrg, "Victim");
        var stopped = calls.request(Operation.updateOutputDeviceAttributes, theirs.deviceId())
                .putAttributes(Tag.printerAttributes, Types.printerState.of(PrinterState.stopped));

        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ipp/infra/"
                        + theirs.deviceId())).header("Content-Type", "application/ipp")
                .header("Authorization", Ipp.basic("proxy", printer.credential()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(Ipp.bytes(stopped))).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(device(otherOrg, theirs, tokenOfAnAdmin(otherOrg)).read("$.status", Object.class)).isNull();
    }

    private com.hp.jipp.encoding.IppPacket.Builder update() {
        return calls.request(Operation.updateOutputDeviceAttributes, printer.deviceId())
                .putOperationAttributes(Types.outputDeviceUuid.of(URI.create("urn:uuid:" + printer.deviceId())));
    }

    /** The Infrastructure Printer's own attributes, as the proxy reads them. */
    private com.hp.jipp.encoding.AttributeGroup infrastructurePrinter() {
        var answer = calls.call(printer, calls.request(Operation.getPrinterAttributes, printer.deviceId())).packet();
        assertThat(Ipp.status(answer)).isEqualTo(Status.successfulOk);
        return Ipp.printer(answer);
    }

    private String tokenOfAnAdmin(OrgId of) {
        return apiTokens.create(world.person(of, FixedRole.CUSTOMER_ADMIN).actor(), "status test", 1).secret();
    }

    /** The device as the REST API shows it to its organization's admin. */
    private DocumentContext device(OrgId of, RegisteredDevice device, String token) throws Exception {
        var response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/organizations/" + of
                        + "/devices/" + device.deviceId())).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JsonPath.parse(response.body());
    }

    /** A heartbeat over the Device API, as the printer's embedded app sends it. */
    private void heartbeat(RegisteredDevice device, String body) throws Exception {
        var response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/device/v1/devices/"
                        + device.deviceId() + "/heartbeat")).header("Authorization", "Bearer " + device.credential())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }
}
