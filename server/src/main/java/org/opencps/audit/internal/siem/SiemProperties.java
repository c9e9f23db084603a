package org.opencps.audit.internal.siem;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code opencps.siem.*}: the deployment's SIEM, to which every organization's audit records are
 * forwarded. No host: nothing is forwarded.
 */
@ConfigurationProperties("opencps.siem")
public record SiemProperties(
        String host,
        @DefaultValue("6514") int port,
        @DefaultValue("tls") SiemTarget.Transport transport,
        @DefaultValue("cef") SiemTarget.Format format,
        String sslBundle,
        @DefaultValue("13") int facility,
        String hostname,
        @DefaultValue("10s") Duration timeout,
        @DefaultValue("500") int batchSize,
        @DefaultValue("5s") Duration sendInterval) {

    public static final String DEPLOYMENT_TARGET = "deployment";

    public SiemProperties {
        if (batchSize < 1 || batchSize > 10_000) {
            throw new IllegalArgumentException("opencps.siem.batch-size must be from 1 to 10000");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("opencps.siem.timeout must be positive");
        }
    }

    /** The deployment's target, if a host is configured. */
    public java.util.Optional<SiemTarget> deploymentTarget(String localHostname) {
        if (host == null || host.isBlank()) {
            return java.util.Optional.empty();
        }
        if (transport == SiemTarget.Transport.TLS && (sslBundle == null || sslBundle.isBlank())) {
            throw new IllegalArgumentException("opencps.siem sends over TLS: it needs opencps.siem.ssl-bundle naming the CA to trust");
        }
        return java.util.Optional.of(new SiemTarget(DEPLOYMENT_TARGET, transport, host, port, format, sslBundle, facility,
                hostname == null || hostname.isBlank() ? localHostname : hostname, timeout));
    }
}
