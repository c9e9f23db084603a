package org.opencps.client.ipp;

/** The printer answered an IPP request with an error status: nothing was created by it. */
public final class PrinterRefused extends RuntimeException {

    public static final int SERVER_ERROR_BUSY = 0x0507;

    private final int status;

    public PrinterRefused(int status, String statusName, String message) {
        super("the printer refused: " + statusName + (message == null || message.isBlank() ? "" : " (" + message + ")"));
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** Busy with another job: the same request may be sent again later. */
    public boolean busy() {
        return status == SERVER_ERROR_BUSY;
    }
}
