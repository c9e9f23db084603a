package org.opencps.ipp;

import static org.assertj.core.api.Assertions.assertThat;

import com.hp.jipp.encoding.AttributeGroup;
import com.hp.jipp.encoding.IppInputStream;
import com.hp.jipp.encoding.IppPacket;
import com.hp.jipp.encoding.Tag;
import com.hp.jipp.model.Operation;
import com.hp.jipp.model.Status;
import com.hp.jipp.model.Types;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
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
        return register(world, codes, registrations, org, name, DeviceKind.PRINTER);
    }

    /** A printer, or an edge agent, registered in {@code org}. */
    static RegisteredDevice register(World world, ActivationCodes codes, DeviceRegistrations registrations, OrgId org, String name,
                                     DeviceKind kind) {
        var admin = world.person(org, FixedRole.CUSTOMER_ADMIN);
        String code = codes.create(admin.actor(), org, null, "infra test").code();
        return registrations.register(new DeviceRegistration(code, kind, name, "Test MFP", "SN-" + name.hashCode(),
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

    /** A request to the Infrastructure Printer of {@code printer} with {@code credential}, that of the printer or its agent. */
    IppPacket call(DeviceId printer, String credential, IppPacket.Builder request) {
        return post("/ipp/infra/" + printer, credential, request.build()).packet();
    }

    /** Create-Printer-Subscriptions for job-fetchable events by ippget, asking for a lease of {@code leaseSeconds}. */
    IppPacket subscribe(DeviceId printer, String credential, int leaseSeconds) {
        var subscribe = request(Operation.createPrinterSubscriptions, printer);
        subscribe.putAttributes(Tag.subscriptionAttributes, Types.notifyPullMethod.of("ippget"),
                Types.notifyEvents.of("job-fetchable"), Types.notifyLeaseDuration.of(leaseSeconds));
        return call(printer, credential, subscribe);
    }

    static int subscriptionId(IppPacket created) {
        assertThat(Ipp.status(created)).isEqualTo(Status.successfulOk);
        return created.get(Tag.subscriptionAttributes).getValue(Types.notifySubscriptionId);
    }

    /** An operation on one subscription: Get-Subscription-Attributes, Renew-Subscription, Cancel-Subscription. */
    IppPacket onSubscription(Operation operation, DeviceId printer, String credential, int subscription) {
        return call(printer, credential, request(operation, printer).putOperationAttributes(Types.notifySubscriptionId.of(subscription)));
    }

    /** Get-Notifications, without waiting, for the events of one subscription from sequence number {@code from}. */
    IppPacket notifications(DeviceId printer, String credential, int subscription, int from) {
        return call(printer, credential, request(Operation.getNotifications, printer).putOperationAttributes(
                Types.notifySubscriptionIds.of(subscription), Types.notifySequenceNumbers.of(from), Types.notifyWait.of(false)));
    }

    /** The events of a Get-Notifications answer. */
    static List<AttributeGroup> events(IppPacket notifications) {
        assertThat(Ipp.status(notifications)).isEqualTo(Status.successfulOk);
        return notifications.getAttributeGroups().stream()
                .filter(group -> group.getTag().equals(Tag.eventNotificationAttributes)).toList();
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
