package org.opencps.devices;

/**
 * A person logging in at a device: {@code pin}, {@code cardNumber} (with the owner's {@code pin}
 * for a card someone else registered, which confirms it), or {@code email} and {@code password}.
 */
public record DeviceLogin(Method method, String pin, String cardNumber, String email, String password) {

    /** Never SSO: an identity provider's password is not typed into a device. */
    public enum Method { PIN, CARD, PASSWORD }
}
