package org.opencps.ipp;

import com.hp.jipp.encoding.Attribute;
import com.hp.jipp.encoding.AttributeGroup;
import com.hp.jipp.encoding.IppInputStream;
import com.hp.jipp.encoding.IppOutputStream;
import com.hp.jipp.encoding.IppPacket;
import com.hp.jipp.encoding.Tag;
import com.hp.jipp.model.Operation;
import com.hp.jipp.model.Status;
import com.hp.jipp.model.Types;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/** Building and reading IPP messages in tests, with jipp as a client would. */
final class Ipp {

    static final URI PRINTER = URI.create("ipp://localhost/ipp/print/queue");

    private Ipp() {
    }

    /** An organization name no other test uses. */
    static String unique(String name) {
        return name + " " + java.util.UUID.randomUUID().toString().substring(0, 8);
    }

    static IppPacket.Builder request(Operation operation) {
        var builder = new IppPacket.Builder(operation.getCode());
        builder.setCode(operation.getCode());
        builder.setVersionNumber(0x0200);
        builder.setRequestId(42);
        builder.putOperationAttributes(Types.attributesCharset.of("utf-8"), Types.attributesNaturalLanguage.of("en"),
                Types.printerUri.of(PRINTER), Types.requestingUserName.of("test"));
        return builder;
    }

    static IppPacket.Builder printJob(String format) {
        return request(Operation.printJob).putOperationAttributes(Types.jobName.of("test job"), Types.documentFormat.of(format));
    }

    static IppPacket.Builder forJob(Operation operation, int jobId) {
        return request(operation).putOperationAttributes(Types.jobId.of(jobId));
    }

    static byte[] bytes(IppPacket packet, byte[] document) {
        var out = new ByteArrayOutputStream();
        new IppOutputStream(out).write(packet);
        out.writeBytes(document);
        return out.toByteArray();
    }

    static byte[] bytes(IppPacket.Builder packet) {
        return bytes(packet.build(), new byte[0]);
    }

    static IppPacket parse(byte[] body) {
        try {
            return new IppInputStream(new ByteArrayInputStream(body)).readPacket();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Status status(IppPacket response) {
        return response.getStatus();
    }

    static AttributeGroup printer(IppPacket response) {
        return response.get(Tag.printerAttributes);
    }

    static AttributeGroup job(IppPacket response) {
        return response.get(Tag.jobAttributes);
    }

    static List<AttributeGroup> jobs(IppPacket response) {
        return response.getAttributeGroups().stream().filter(group -> group.getTag().equals(Tag.jobAttributes)).toList();
    }

    static int jobId(IppPacket response) {
        return job(response).getValue(Types.jobId);
    }

    static int jobState(IppPacket response) {
        return job(response).getValue(Types.jobState).getCode();
    }

    static List<String> names(AttributeGroup group) {
        return group.stream().map(Attribute::getName).toList();
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** A real PDF with this many pages, as the printing module's page counter reads it. */
    static byte[] pdf(int pages) {
        try (var document = new PDDocument(); var out = new ByteArrayOutputStream()) {
            for (int i = 0; i < pages; i++) {
                document.addPage(new PDPage(PDRectangle.A4));
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A small real JPEG. */
    static byte[] jpeg(boolean color) {
        var image = new java.awt.image.BufferedImage(60, 40, color ? java.awt.image.BufferedImage.TYPE_INT_RGB
                : java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        var graphics = image.createGraphics();
        graphics.setColor(java.awt.Color.ORANGE);
        graphics.fillRect(10, 10, 30, 20);
        graphics.dispose();
        try (var out = new ByteArrayOutputStream()) {
            javax.imageio.ImageIO.write(image, "jpeg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
