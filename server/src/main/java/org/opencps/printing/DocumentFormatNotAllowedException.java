package org.opencps.printing;

/**
 * The organization's policy does not accept this document format (the API answers 415, IPP
 * client-error-document-format-not-supported); nothing is stored.
 */
public class DocumentFormatNotAllowedException extends InvalidDocumentException {

    private final DocumentFormat format;

    public DocumentFormatNotAllowedException(DocumentFormat format, java.util.Set<DocumentFormat> allowed) {
        super("this organization does not accept " + format.mediaType() + " documents; it accepts "
                + String.join(", ", allowed.stream().sorted().map(DocumentFormat::mediaType).toList()));
        this.format = format;
    }

    public DocumentFormat format() {
        return format;
    }
}
