package org.opencps.ipp.internal.protocol;

import com.hp.jipp.encoding.AttributeGroup;
import com.hp.jipp.encoding.IppPacket;
import com.hp.jipp.encoding.Tag;
import java.io.InputStream;

/**
 * A request's attributes, decoded, and the document data after them, still unread: a document is
 * streamed on to the print job, never held in memory.
 */
public record IppRequest(IppPacket packet, InputStream document) {

    public int versionNumber() {
        return packet.getVersionNumber();
    }

    public int operationCode() {
        return packet.getCode();
    }

    public int requestId() {
        return packet.getRequestId();
    }

    /** The operation attributes, or null when the request has none. */
    public AttributeGroup operationAttributes() {
        return packet.get(Tag.operationAttributes);
    }

    /** The job template attributes, or null when the request has none. */
    public AttributeGroup jobAttributes() {
        return packet.get(Tag.jobAttributes);
    }
}
