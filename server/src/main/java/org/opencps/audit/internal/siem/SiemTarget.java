package org.opencps.audit.internal.siem;

import java.time.Duration;

/**
 * Where audit records are forwarded: a syslog receiver, the transport, the message format, and for
 * TLS, for the deployment's target, the name of a Spring Boot SSL bundle (its trust store holds the CA
 * the receiver's certificate must chain to; its key store, if any, the client certificate); an
 * organization's own target brings its trusted certificates instead. {@code name} keys the delivery
 * cursors of this target.
 */
public record SiemTarget(String name, Transport transport, String host, int port, Format format, String sslBundle,
                         int facility, String hostname, Duration timeout) {

    public enum Transport { TLS, TCP, UDP }

    public enum Format { CEF, LEEF }

    public SiemTarget {
        if (name == null || name.isBlank() || name.length() > 60) {
            throw new IllegalArgumentException("a SIEM target needs a name of 1 to 60 characters");
        }
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("SIEM target " + name + " needs a host");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("SIEM target " + name + " needs a port from 1 to 65535");
        }
    }
}
