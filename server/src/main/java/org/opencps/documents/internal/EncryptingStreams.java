package org.opencps.documents.internal;

import com.google.crypto.tink.StreamingAead;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Opens Tink encrypting streams on one long-lived platform thread. Tink draws each stream's salt
 * and nonce prefix from a SecureRandom it keeps per thread, made on a thread's first use after
 * probing for Conscrypt with a class lookup that fails through every jar of the boot jar. Requests
 * run on virtual threads that live for one request, so each upload paid that probe (a tenth of the
 * CPU samples in the IPP benchmark). Only the opening runs here; the data is encrypted
 * on the caller's thread.
 */
@Component
public class EncryptingStreams implements DisposableBean {

    private final ExecutorService opener = Executors.newSingleThreadExecutor(Thread.ofPlatform()
            .name("tink-stream-opener").daemon(true).factory());

    public OutputStream open(StreamingAead aead, OutputStream ciphertext, byte[] associatedData)
            throws GeneralSecurityException, IOException {
        try {
            return opener.submit(() -> aead.newEncryptingStream(ciphertext, associatedData)).get();
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case GeneralSecurityException security -> throw security;
                case IOException io -> throw io;
                case RuntimeException runtime -> throw runtime;
                case Error error -> throw error;
                default -> throw new UncheckedIOException(new IOException(e.getCause()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while opening an encrypting stream", e);
        }
    }

    @Override
    public void destroy() {
        opener.shutdownNow();
    }
}
