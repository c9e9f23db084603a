package org.opencps.printing;

/**
 * The document is not what its format says, is damaged, or goes past a limit (pages, size,
 * decompression ratio). The API answers 422, IPP client-error-document-format-error; nothing is stored.
 */
public class InvalidDocumentException extends RuntimeException {

    public InvalidDocumentException(String message) {
        super(message);
    }
}
