package org.opencps.identity;

import java.time.Instant;
import java.util.List;

/**
 * An organization's second-factor requirement. {@code requiredFor}: nobody, its administrators (members holding
 * user, role or settings management) or everyone. People without a second factor are sent to enrol at sign-in
 * for {@code graceDays} after the requirement began and can still work; from {@code enrolBy} on they get no
 * session until they enrol (which they may do in the pending sign-in). {@code trustIdentityProvider}: a sign-in
 * through the organization's identity provider that reports a multi-factor check counts as the second factor
 * (OIDC {@code amr} with mfa, mca, otp, hwk, sc, fpt, face, iris or retina, or an {@code acr} in
 * {@code identityProviderMfaValues}; SAML an AuthnContextClassRef in them); otherwise OpenCPS asks its own.
 * {@code enrolBy} is an answer only.
 */
public record SecondFactorPolicy(RequiredFor requiredFor, int graceDays, boolean trustIdentityProvider,
                                 List<String> identityProviderMfaValues, Instant enrolBy) {

    public enum RequiredFor { OFF, ADMINS, EVERYONE }

    public static final SecondFactorPolicy NOT_REQUIRED = new SecondFactorPolicy(RequiredFor.OFF, 0, false, List.of(), null);

    public SecondFactorPolicy {
        requiredFor = requiredFor == null ? RequiredFor.OFF : requiredFor;
        identityProviderMfaValues = identityProviderMfaValues == null ? List.of() : List.copyOf(identityProviderMfaValues);
    }
}
