package org.opencps.scanning;

/**
 * A scan the device sent was refused: nothing was stored and nothing delivered. The API answers
 * problem+json with the {@link #status()} and the {@code reason}.
 */
public class ScanRefusal extends RuntimeException {

    public enum Reason {
        UNKNOWN_DESTINATION(422), DESTINATION_NOT_ALLOWED(403), DESTINATION_NOT_CONFIGURED(422),
        ACCOUNT_NOT_LINKED(422), WORKFLOW_NOT_SHARED(404), FORMAT_NOT_ACCEPTED(415), TOO_LARGE(413),
        TRUNCATED(400), INVALID_DOCUMENT(422);

        private final int status;

        Reason(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private final Reason reason;

    public ScanRefusal(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    public int status() {
        return reason.status();
    }
}
