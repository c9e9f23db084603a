package org.opencps.ipp.internal.protocol;

import com.hp.jipp.model.Status;

/** The request could not be read; {@code versionNumber} and {@code requestId} are 0 when not even the header arrived. */
public final class MalformedIppRequest extends IppStatusException {

    private final int versionNumber;
    private final int requestId;

    MalformedIppRequest(Status status, String message, int versionNumber, int requestId) {
        super(status, message);
        this.versionNumber = versionNumber;
        this.requestId = requestId;
    }

    public int versionNumber() {
        return versionNumber;
    }

    public int requestId() {
        return requestId;
    }
}
