package org.opencps.devices;

import java.io.InputStream;

/** A released job's decrypted document, streamed; the caller closes it. */
public record ReleasedDocument(String mediaType, InputStream content) {
}
