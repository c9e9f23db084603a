package org.opencps.cluster;

import com.hp.jipp.encoding.AttributeGroup;
import com.hp.jipp.encoding.IppInputStream;
import com.hp.jipp.encoding.IppOutputStream;
import com.hp.jipp.encoding.IppPacket;
import com.hp.jipp.encoding.Tag;
import com.hp.jipp.model.Operation;
import com.hp.jipp.model.Types;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** IPP messages for the cluster test, as CUPS (a print queue) and an INFRA proxy (a printer's queue) send them. */
final class ClusterIpp {

    private ClusterIpp() {
    }

    /** A real one-page PDF. */
    static byte[] onePagePdf() {
        try (var document = new org.apache.pdfbox.pdmodel.PDDocument(); var out = new ByteArrayOutputStream()) {
            document.addPage(new org.apache.pdfbox.pdmodel.PDPage(org.apache.pdfbox.pdmodel.common.PDRectangle.A4));
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static IppPacket.Builder request(Operation operation, String path) {
        var builder = new IppPacket.Builder(operation.getCode());
        builder.setCode(operation.getCode());
        builder.setVersionNumber(0x0200);
        builder.setRequestId(7);
        builder.putOperationAttributes(Types.attributesCharset.of("utf-8"), Types.attributesNaturalLanguage.of("en"),
                Types.printerUri.of(URI.create("ipps://127.0.0.1" + path)), Types.requestingUserName.of("cluster"));
        return builder;
    }

    /** Create-Printer-Subscriptions for job-fetchable events, pulled by ippget. */
    static IppPacket.Builder subscribe(String infraPath) {
        return request(Operation.createPrinterSubscriptions, infraPath).putAttributes(Tag.subscriptionAttributes,
                Types.notifyPullMethod.of("ippget"), Types.notifyEvents.of("job-fetchable"), Types.notifyLeaseDuration.of(3600));
    }

    /** Get-Notifications that waits for an event (notify-wait). */
    static IppPacket.Builder waitForEvents(String infraPath, int subscription) {
        return request(Operation.getNotifications, infraPath).putOperationAttributes(Types.notifySubscriptionIds.of(subscription),
                Types.notifyWait.of(true));
    }

    static byte[] bytes(IppPacket.Builder packet, byte[] document) {
        var out = new ByteArrayOutputStream();
        new IppOutputStream(out).write(packet.build());
        out.writeBytes(document);
        return out.toByteArray();
    }

    static IppPacket parse(byte[] body) {
        try {
            return new IppInputStream(new ByteArrayInputStream(body)).readPacket();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<AttributeGroup> events(IppPacket notifications) {
        return notifications.getAttributeGroups().stream().filter(group -> group.getTag().equals(Tag.eventNotificationAttributes)).toList();
    }
}
