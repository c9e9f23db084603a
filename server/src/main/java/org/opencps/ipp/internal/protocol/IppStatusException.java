package org.opencps.ipp.internal.protocol;

import com.hp.jipp.encoding.Attribute;
import com.hp.jipp.model.Status;
import java.util.List;

/** Ends an operation with an IPP error status; {@code unsupported} goes into the unsupported-attributes group. */
public class IppStatusException extends RuntimeException {

    private final transient Status status;
    private final transient List<Attribute<?>> unsupported;

    public IppStatusException(Status status, String message) {
        this(status, message, List.of());
    }

    public IppStatusException(Status status, String message, List<Attribute<?>> unsupported) {
        super(message, null, false, false);
        this.status = status;
        this.unsupported = List.copyOf(unsupported);
    }

    public Status status() {
        return status;
    }

    public List<Attribute<?>> unsupported() {
        return unsupported;
    }
}
