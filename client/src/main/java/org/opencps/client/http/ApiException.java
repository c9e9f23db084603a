package org.opencps.client.http;

/**
 * The server answered, but not with success: its status and, from its problem+json body, the
 * {@code detail} a person can read and the {@code field} at fault.
 */
public final class ApiException extends RuntimeException {

    private final int status;
    private final String detail;
    private final String field;

    public ApiException(int status, String detail, String field) {
        super(describe(status, detail, field));
        this.status = status;
        this.detail = detail;
        this.field = field;
    }

    public int status() {
        return status;
    }

    public String detail() {
        return detail;
    }

    public String field() {
        return field;
    }

    /** Worth trying again later: the server is overloaded, restarting or behind a failing proxy. */
    public boolean isTransient() {
        return status == 429 || status == 502 || status == 503 || status == 504;
    }

    private static String describe(int status, String detail, String field) {
        String text = "the server answered " + status;
        if (detail != null && !detail.isBlank()) {
            text += ": " + detail;
        }
        if (field != null && !field.isBlank()) {
            text += " (field " + field + ")";
        }
        return text;
    }
}
