package org.opencps.audit;

/**
 * An organization's own SIEM target as its admin sets it: syslog over TLS (RFC 5425) to {@code host:port}, messages in
 * {@code format} (CEF or LEEF), the receiver's certificate chaining to, or being, one of {@code trustedCertificates} (PEM).
 */
public record OrganizationSiemSettings(String host, Integer port, String format, String trustedCertificates) {
}
