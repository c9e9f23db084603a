package org.opencps.printing;

/** The document is larger than the configured maximum (the API answers 413). */
public class DocumentTooLargeException extends DocumentLimitExceededException {

    public DocumentTooLargeException(long limit) {
        super(Limit.SIZE, limit, "the document is larger than the limit of " + limit + " bytes");
    }
}
