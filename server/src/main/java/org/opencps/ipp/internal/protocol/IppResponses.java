package org.opencps.ipp.internal.protocol;

import com.hp.jipp.encoding.Attribute;
import com.hp.jipp.encoding.IppPacket;
import com.hp.jipp.encoding.Tag;
import com.hp.jipp.model.Status;
import com.hp.jipp.model.Types;
import java.util.List;

/** Response packets: status, the request's id and version, and the required operation attributes. */
public final class IppResponses {

    /** The version answered when the request's own is not one we speak. */
    static final int IPP_1_1 = 0x0101;

    private IppResponses() {
    }

    public static IppPacket.Builder response(IppRequest request, Status status, String message) {
        return builder(request.versionNumber(), request.requestId(), status, message);
    }

    public static IppPacket error(int versionNumber, int requestId, Status status, String message, List<Attribute<?>> unsupported) {
        var builder = builder(versionNumber, requestId, status, message);
        if (!unsupported.isEmpty()) {
            builder.putAttributes(Tag.unsupportedAttributes, unsupported);
        }
        return builder.build();
    }

    private static IppPacket.Builder builder(int versionNumber, int requestId, Status status, String message) {
        int major = versionNumber >> 8;
        var builder = new IppPacket.Builder(status.getCode());
        builder.setCode(status.getCode());
        builder.setVersionNumber(major == 1 || major == 2 ? versionNumber : IPP_1_1);
        builder.setRequestId(requestId);
        builder.putOperationAttributes(Types.attributesCharset.of("utf-8"), Types.attributesNaturalLanguage.of("en"));
        if (message != null && !message.isEmpty()) {
            builder.putOperationAttributes(Types.statusMessage.of(message.length() > 255 ? message.substring(0, 255) : message));
        }
        return builder;
    }
}
