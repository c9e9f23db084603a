package org.opencps.ipp.internal.protocol;

import com.hp.jipp.encoding.IppInputStream;
import com.hp.jipp.encoding.IppPacket;
import com.hp.jipp.model.Status;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

/**
 * Reads an IPP request's header and attributes off the body, up to the end-of-attributes tag,
 * and leaves the stream at the first byte of the document. The framing is checked here, with
 * explicit limits, before jipp decodes the values: jipp reads ahead into a buffer of its own, so
 * it only ever gets the attribute bytes, and it never sees a request larger than these limits.
 */
public final class IppRequestReader {

    /** All attributes of one request together; CUPS's largest requests are a few kilobytes. */
    public static final int MAX_ATTRIBUTE_BYTES = 64 * 1024;
    /** Attribute values in one request, counting each value and collection member. */
    public static final int MAX_VALUES = 1_000;
    /** Attribute names are keywords: at most 255 octets (RFC 8011 §5.1.4). */
    public static final int MAX_NAME_BYTES = 255;
    /** The longest string syntax, text and uri, is 1023 octets (RFC 8011 §5.1). */
    public static final int MAX_VALUE_BYTES = 1023;
    /** A text or name with its language: two lengths, a language tag (at most 63 octets) and the string. */
    public static final int MAX_WITH_LANGUAGE_BYTES = MAX_VALUE_BYTES + 4 + 63;
    /** media-col inside overrides is three deep; nothing a client sends needs more. */
    public static final int MAX_COLLECTION_DEPTH = 8;

    private static final Set<Integer> GROUP_TAGS = Set.of(0x01, 0x02, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0A);
    private static final int END_OF_ATTRIBUTES = 0x03;
    private static final int BEGIN_COLLECTION = 0x34;
    private static final int END_COLLECTION = 0x37;
    private static final int MEMBER_NAME = 0x4A;
    private static final int EXTENSION = 0x7F;

    private IppRequestReader() {
    }

    /** Reads the attributes; {@code in} then holds the document. Throws {@link MalformedIppRequest}. */
    public static IppRequest read(InputStream in) throws IOException {
        byte[] header = in.readNBytes(8);
        if (header.length < 8) {
            throw new MalformedIppRequest(Status.clientErrorBadRequest, "the request ends inside the IPP header", 0, 0);
        }
        int version = ((header[0] & 0xFF) << 8) | (header[1] & 0xFF);
        int requestId = ((header[4] & 0xFF) << 24) | ((header[5] & 0xFF) << 16) | ((header[6] & 0xFF) << 8) | (header[7] & 0xFF);
        if (header[0] != 1 && header[0] != 2) {
            throw new MalformedIppRequest(Status.serverErrorVersionNotSupported,
                    "IPP version " + (header[0] & 0xFF) + "." + (header[1] & 0xFF) + " is not supported; use 1.1 or 2.0",
                    version, requestId);
        }
        var section = new Section(in, version, requestId);
        section.bytes.write(header);
        section.readAttributes();
        try {
            IppPacket packet = new IppInputStream(new ByteArrayInputStream(section.bytes.toByteArray())).readPacket();
            return new IppRequest(packet, in);
        } catch (IOException | RuntimeException undecodable) {
            throw section.malformed(Status.clientErrorBadRequest, "an attribute value cannot be decoded");
        }
    }

    /** The attribute section being framed: tags, lengths, counts and nesting, all bounded. */
    private static final class Section {

        private final InputStream in;
        private final int version;
        private final int requestId;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
        private int values;
        private int depth;
        private boolean inGroup;

        Section(InputStream in, int version, int requestId) {
            this.in = in;
            this.version = version;
            this.requestId = requestId;
        }

        void readAttributes() throws IOException {
            while (true) {
                int tag = readByte();
                if (tag == END_OF_ATTRIBUTES) {
                    if (depth != 0) {
                        throw malformed(Status.clientErrorBadRequest, "a collection is not closed");
                    }
                    return;
                }
                if (tag < 0x10) {
                    if (!GROUP_TAGS.contains(tag) || depth != 0) {
                        throw malformed(Status.clientErrorBadRequest, "unexpected delimiter tag 0x" + Integer.toHexString(tag));
                    }
                    inGroup = true;
                    continue;
                }
                if (!inGroup) {
                    throw malformed(Status.clientErrorBadRequest, "an attribute comes before any attribute group");
                }
                if (tag == EXTENSION) {
                    throw malformed(Status.clientErrorBadRequest, "extension value tags are not supported");
                }
                readValue(tag);
            }
        }

        private void readValue(int tag) throws IOException {
            if (++values > MAX_VALUES) {
                throw malformed(Status.clientErrorRequestEntityTooLarge, "more than " + MAX_VALUES + " attribute values");
            }
            int nameLength = readShort();
            if (nameLength > MAX_NAME_BYTES) {
                throw malformed(Status.clientErrorRequestValueTooLong, "an attribute name is longer than " + MAX_NAME_BYTES + " octets");
            }
            readBytes(nameLength);
            int valueLength = readShort();
            int limit = tag == 0x35 || tag == 0x36 ? MAX_WITH_LANGUAGE_BYTES : MAX_VALUE_BYTES;
            if (valueLength > limit) {
                throw malformed(Status.clientErrorRequestValueTooLong, "an attribute value is longer than " + limit + " octets");
            }
            checkFixedLength(tag, valueLength);
            readBytes(valueLength);
            if (tag == BEGIN_COLLECTION && ++depth > MAX_COLLECTION_DEPTH) {
                throw malformed(Status.clientErrorBadRequest, "collections nested deeper than " + MAX_COLLECTION_DEPTH);
            }
            if (tag == END_COLLECTION && --depth < 0) {
                throw malformed(Status.clientErrorBadRequest, "a collection ends that never began");
            }
            if (tag == MEMBER_NAME && depth == 0) {
                throw malformed(Status.clientErrorBadRequest, "a collection member outside a collection");
            }
        }

        private void checkFixedLength(int tag, int length) {
            int expected = switch (tag) {
                case 0x21, 0x23 -> 4;       // integer, enum
                case 0x22 -> 1;             // boolean
                case 0x31 -> 11;            // dateTime
                case 0x32 -> 9;             // resolution
                case 0x33 -> 8;             // rangeOfInteger
                case END_COLLECTION -> 0;
                default -> -1;
            };
            if ((expected >= 0 && length != expected) || (tag >= 0x10 && tag <= 0x1F && length != 0)) {
                throw malformed(Status.clientErrorBadRequest, "value tag 0x" + Integer.toHexString(tag) + " with a wrong length");
            }
        }

        private int readByte() throws IOException {
            int b = in.read();
            if (b < 0) {
                throw malformed(Status.clientErrorBadRequest, "the request ends inside the attributes");
            }
            write(new byte[] {(byte) b});
            return b;
        }

        private int readShort() throws IOException {
            byte[] two = readBytes(2);
            return ((two[0] & 0xFF) << 8) | (two[1] & 0xFF);
        }

        private byte[] readBytes(int n) throws IOException {
            byte[] read = in.readNBytes(n);
            if (read.length < n) {
                throw malformed(Status.clientErrorBadRequest, "the request ends inside the attributes");
            }
            write(read);
            return read;
        }

        private void write(byte[] data) {
            if (bytes.size() + data.length > MAX_ATTRIBUTE_BYTES) {
                throw malformed(Status.clientErrorRequestEntityTooLarge, "the attributes take more than " + MAX_ATTRIBUTE_BYTES + " octets");
            }
            bytes.writeBytes(data);
        }

        MalformedIppRequest malformed(Status status, String message) {
            return new MalformedIppRequest(status, message, version, requestId);
        }
    }
}
