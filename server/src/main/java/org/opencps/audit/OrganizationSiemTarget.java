package org.opencps.audit;

import java.time.Instant;
import java.util.List;

/**
 * An organization's own SIEM target and how delivery to it goes: when records were last delivered, the kind of the last
 * error and when it happened ({@code unreachable}, {@code tls}, {@code timeout}, {@code unknownHost}, {@code address},
 * {@code connection}, {@code internal}), and, while failing, when the next attempt is due. {@code trustedCertificates}
 * describes each certificate (subject and SHA-256 fingerprint), {@code trustedCertificatesPem} gives them as stored.
 */
public record OrganizationSiemTarget(String host, int port, String format, List<String> trustedCertificates,
                                     String trustedCertificatesPem, Instant changedAt,
                                     Instant lastDeliveredAt, String lastError, Instant lastErrorAt, Instant nextAttemptAt) {
}
