package org.opencps.printing;

import java.util.Locale;

/**
 * The document is well formed but goes past a documented limit on the work of accepting it: too
 * many pages, a raster page that decodes to more than the largest page, a PDF with too many objects
 * or too deep or large a page tree, or more bytes than the size limit. The API answers 413, IPP
 * client-error-request-entity-too-large; the portal shows {@link #messageKey()} with the limit.
 */
public class DocumentLimitExceededException extends InvalidDocumentException {

    /** The limit gone past; each has a message {@code document.limit.<name>} in the message files. */
    public enum Limit {
        SIZE, PAGES, RASTER_PAGE_SIZE, PDF_OBJECTS, PDF_TREE_DEPTH, PDF_TREE_NODES
    }

    private final Limit kind;
    private final long limit;

    public DocumentLimitExceededException(Limit kind, long limit, String message) {
        super(message);
        this.kind = kind;
        this.limit = limit;
    }

    public Limit kind() {
        return kind;
    }

    public long limit() {
        return limit;
    }

    public String messageKey() {
        return "document.limit." + kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
