package org.opencps.printing;

/** The document is larger than the configured maximum (the API answers 413). */
public class DocumentTooLargeException extends InvalidDocumentException {

    private final long limit;

    public DocumentTooLargeException(long limit) {
        super("the document is larger than the limit of " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
