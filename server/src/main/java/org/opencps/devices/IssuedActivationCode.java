package org.opencps.devices;

/** A new activation code with the code itself, which is never shown again. */
public record IssuedActivationCode(String code, ActivationCode activationCode) {
}
