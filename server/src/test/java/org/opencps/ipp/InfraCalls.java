package org.opencps.ipp;

import static org.assertj.core.api.Assertions.assertThat;

import com.hp.jipp.encoding.IppInputStream;
import com.hp.jipp.encoding.IppPacket;
import com.hp.jipp.model.Operation;
import com.hp.jipp.model.Types;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.opencps.access.FixedRole;
import org.opencps.devices.ActivationCodes;
import org.opencps.devices.DeviceKind;
import org.opencps.devices.DeviceRegistration;
import org.opencps.devices.DeviceRegistrations;
import org.opencps.devices.RegisteredDevice;
import org.opencps.platform.ids.OrgId;
import org.opencps.testing.World;
import org.opencps.platform.ids.DeviceId;

/** A proxy's IPP INFRA requests to a real server, over HTTP with the device credential as the Basic password. */
final class InfraCalls {

    /** An answer, and the document bytes that followed it (Fetch-Document). */
    record Answer(IppPacket packet, byte[] data) {
    }

    private final int port;
    private final HttpClient http = HttpClient.newHttpClient();

    InfraCalls(int port) {
        this.port = port;
    }

    /** A printer registered in {@code org} as an admin and the printer would: a code, then the registration. */
    static RegisteredDevice register(World world, ActivationCodes codes, DeviceRegistrations registrations, OrgId org, String name) {
        var admin = world.person(org, FixedRole.CUSTOMER_ADMIN);
        String code = codes.create(admin.actor(), org, null, "infra test").code();
        return registrations.register(new DeviceRegistration(code, DeviceKind.PRINTER, name, "Test MFP", "SN-" + name.hashCode(),
                "mfp.example.org", "127.0.0.1"), "127.0.0.1");
    }

    /** A request to the Infrastructure Printer of {@code printer}. */
    IppPacket.Builder request(Operation operation, DeviceId printer) {
        var builder = new IppPacket.Builder(operation.getCode());
        builder.setCode(operation.getCode());
        builder.setVersionNumber(0x0200);
        builder.setRequestId(9);
        builder.putOperationAttributes(Types.attributesCharset.of("utf-8"), Types.attributesNaturalLanguage.of("en"),
                Types.printerUri.of(URI.create("ipp://127.0.0.1:" + port + "/ipp/infra/" + printer)));
        return builder;
    }

    Answer call(RegisteredDevice device, IppPacket.Builder request) {
        return post("/ipp/infra/" + device.deviceId(), device.credential(), request.build());
    }

    Answer post(String path, String credential, IppPacket packet) {
        try {
            var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Content-Type", "application/ipp").header("Authorization", Ipp.basic("proxy", credential))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(Ipp.bytes(packet, new byte[0]))).build();
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            assertThat(response.statusCode()).isEqualTo(200);
            try (var in = new IppInputStream(response.body())) {
                IppPacket answer = in.readPacket();
                return new Answer(answer, in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
