package org.opencps.documents;

/** A document safely stored: its id and its plaintext size in bytes. */
public record StoredDocument(DocumentId id, long size) {
}
