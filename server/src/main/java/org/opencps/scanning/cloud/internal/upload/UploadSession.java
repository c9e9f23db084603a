package org.opencps.scanning.cloud.internal.upload;

/**
 * Where one delivery's upload stands: the provider's session (its URL, or Box's session id) and the
 * offset the provider confirmed. Every change is written through at once, so an attempt cut short
 * (even by a crash) leaves the next one what it needs to resume.
 */
public interface UploadSession {

    /** The session begun earlier, or null. */
    String url();

    /** The bytes the provider confirmed holding, from the start. */
    long confirmed();

    void begun(String url);

    void confirmed(long offset);

    /** The session is gone at the provider: the next try begins anew. */
    void reset();
}
