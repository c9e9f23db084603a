package org.opencps.identity.internal.sso;

import java.util.List;

/** Looks up the DNS TXT records of a name (the proof of e-mail domain ownership is one). */
public interface TxtRecords {

    /**
     * The TXT records of {@code name}, each as its character-strings joined; empty when the name has none or does not
     * exist.
     *
     * @throws LookupFailed when the DNS gave no answer (timeout, server failure): nothing can be concluded then
     */
    List<String> lookup(String name);

    final class LookupFailed extends RuntimeException {

        public LookupFailed(String name, Throwable cause) {
            super("no DNS answer for " + name, cause);
        }
    }
}
