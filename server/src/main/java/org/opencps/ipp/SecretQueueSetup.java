package org.opencps.ipp;

import java.time.Instant;

/**
 * A new secret queue URL, shown this once, with the setup of the systems that need it (they send
 * no password). {@code windowsPortName} is the same queue as an http(s) URL.
 */
public record SecretQueueSetup(String secretUri, String windowsPortName, Instant createdAt, Instructions instructions) {

    public record Instructions(String windows, String android, String chromeos) {
    }
}
