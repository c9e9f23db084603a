package org.opencps.ipp;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Hand-made IPP bytes, for requests jipp would refuse to build. */
final class RawIpp {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    RawIpp(int version, int operation, int requestId) {
        out.write(version >> 8);
        out.write(version & 0xFF);
        out.write(operation >> 8);
        out.write(operation & 0xFF);
        out.writeBytes(new byte[] {(byte) (requestId >> 24), (byte) (requestId >> 16), (byte) (requestId >> 8), (byte) requestId});
    }

    /** A Get-Printer-Attributes header with the two required operation attributes and printer-uri. */
    static RawIpp getPrinterAttributes() {
        return new RawIpp(0x0200, 0x000B, 7).tag(0x01)
                .attribute(0x47, "attributes-charset", "utf-8")
                .attribute(0x48, "attributes-natural-language", "en")
                .attribute(0x45, "printer-uri", "ipp://localhost/ipp/print/x");
    }

    RawIpp tag(int tag) {
        out.write(tag);
        return this;
    }

    RawIpp attribute(int tag, String name, String value) {
        return attribute(tag, name, value.getBytes(StandardCharsets.UTF_8));
    }

    RawIpp attribute(int tag, String name, byte[] value) {
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        out.write(tag);
        out.write(nameBytes.length >> 8);
        out.write(nameBytes.length & 0xFF);
        out.writeBytes(nameBytes);
        out.write(value.length >> 8);
        out.write(value.length & 0xFF);
        out.writeBytes(value);
        return this;
    }

    byte[] end() {
        out.write(0x03);
        return out.toByteArray();
    }

    byte[] unfinished() {
        return out.toByteArray();
    }
}
