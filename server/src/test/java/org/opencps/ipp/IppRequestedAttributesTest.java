package org.opencps.ipp;

import static org.assertj.core.api.Assertions.assertThat;

import com.hp.jipp.encoding.IppPacket;
import com.hp.jipp.encoding.KeyValues;
import com.hp.jipp.model.Operation;
import com.hp.jipp.model.Status;
import com.hp.jipp.model.Types;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.devices.ActivationCodes;
import org.opencps.devices.DeviceRegistrations;
import org.opencps.devices.RegisteredDevice;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Get-Printer-Attributes answers exactly what requested-attributes asks for (RFC 8011 §4.2.5.1),
 * on a print queue and on the INFRA endpoint: a single name gets that attribute alone, the groups
 * "printer-description" and "job-template" their members, "all" everything but media-col-database,
 * which only comes when named.
 */
@IppServerTest
class IppRequestedAttributesTest {

    @LocalServerPort int port;
    @Autowired World world;
    @Autowired PrintQueues queues;
    @Autowired ActivationCodes activationCodes;
    @Autowired DeviceRegistrations registrations;

    String secretPath;
    RegisteredDevice printer;
    InfraCalls infra;

    @BeforeEach
    void aQueueAndAnInfraPrinter() {
        var org = world.customer(world.root(), Ipp.unique("Requested Co"));
        var person = world.person(org, FixedRole.CUSTOMER_USER);
        secretPath = "/ipp/secret/" + queues.newSecret(person.actor()).secret();
        infra = new InfraCalls(port);
        printer = InfraCalls.register(world, activationCodes, registrations, org, "Lobby");
    }

    @Test
    void aSingleNameReturnsThatAttributeAlone() throws Exception {
        assertThat(queue("media-col-database")).containsExactly("media-col-database");
        assertThat(queue("printer-uri-supported")).containsExactly("printer-uri-supported");
        assertThat(queue("copies-default", "printer-name")).containsExactlyInAnyOrder("copies-default", "printer-name");
        assertThat(queue("printer-supply")).containsExactly("printer-supply");
        assertThat(queue("no-such-attribute")).isEmpty();
    }

    @Test
    void groupNamesReturnTheirMembersAndAllReturnsBothButNotTheMediaDatabase() throws Exception {
        List<String> description = queue("printer-description");
        List<String> template = queue("job-template");
        assertThat(description).contains("printer-name", "printer-uri-supported", "document-format-supported", "printer-supply")
                .doesNotContain("copies-default", "media-supported", "media-col-database");
        assertThat(template).contains("copies-default", "copies-supported", "media-supported", "media-col-ready")
                .doesNotContain("printer-name", "printer-state", "media-col-database");
        List<String> all = queue("all");
        assertThat(all).containsExactlyInAnyOrderElementsOf(concat(description, template));
        assertThat(queue()).containsExactlyInAnyOrderElementsOf(all);
        assertThat(queue("all", "media-col-database")).containsExactlyInAnyOrderElementsOf(concat(all, List.of("media-col-database")));
        assertThat(queue("job-template", "media-col-database")).containsExactlyInAnyOrderElementsOf(
                concat(template, List.of("media-col-database")));
    }

    @Test
    void theSuppliesAreThereWithAnUnknownLevel() throws Exception {
        var attributes = Ipp.printer(secret(Ipp.request(Operation.getPrinterAttributes)
                .putOperationAttributes(Types.requestedAttributes.of("printer-supply", "printer-supply-description",
                        "printer-supply-info-uri"))));
        KeyValues supply = attributes.getValue(Types.printerSupply);
        assertThat(attributes.getValues(Types.printerSupply)).hasSize(1);
        assertThat(supply.get("level")).isEqualTo("-2");
        assertThat(supply.get("maxcapacity")).isEqualTo("-2");
        assertThat(supply.combine()).isEqualTo(
                "index=1;class=supplyThatIsConsumed;type=other;unit=percent;maxcapacity=-2;level=-2;colorantname=unknown;");
        assertThat(attributes.getStrings(Types.printerSupplyDescription)).singleElement().asString().contains("unknown");
        assertThat(attributes.getValue(Types.printerSupplyInfoUri)).hasToString("http://localhost:" + port + "/");
    }

    @Test
    void theInfraEndpointAnswersTheSameWay() throws Exception {
        assertThat(onInfra("printer-name")).containsExactly("printer-name");
        assertThat(onInfra("job-template")).isEmpty();
        List<String> all = onInfra("all");
        assertThat(all).contains("printer-name", "operations-supported", "printer-state", "notify-events-supported");
        assertThat(onInfra("printer-description")).containsExactlyInAnyOrderElementsOf(all);
        assertThat(onInfra()).containsExactlyInAnyOrderElementsOf(all);
        assertThat(onInfra("printer-state", "queued-job-count")).containsExactlyInAnyOrder("printer-state", "queued-job-count");
    }

    private List<String> queue(String... requested) throws Exception {
        var request = Ipp.request(Operation.getPrinterAttributes);
        if (requested.length > 0) {
            request.putOperationAttributes(Types.requestedAttributes.of(List.of(requested)));
        }
        IppPacket response = secret(request);
        assertThat(response.getStatus()).isEqualTo(Status.successfulOk);
        return names(response);
    }

    private List<String> onInfra(String... requested) {
        var request = infra.request(Operation.getPrinterAttributes, printer.deviceId());
        if (requested.length > 0) {
            request.putOperationAttributes(Types.requestedAttributes.of(List.of(requested)));
        }
        IppPacket response = infra.call(printer, request).packet();
        assertThat(response.getStatus()).isEqualTo(Status.successfulOk);
        return names(response);
    }

    private static List<String> names(IppPacket response) {
        var printerGroup = Ipp.printer(response);
        return printerGroup == null ? List.of() : Ipp.names(printerGroup);
    }

    private IppPacket secret(IppPacket.Builder request) throws Exception {
        var http = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + secretPath))
                .header("Content-Type", "application/ipp")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Ipp.bytes(request))).build();
        try (HttpClient client = HttpClient.newHttpClient()) {
            return Ipp.parse(client.send(http, HttpResponse.BodyHandlers.ofByteArray()).body());
        }
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
    }
}
