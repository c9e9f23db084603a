package org.opencps.identity;

/**
 * How the people of an organization sign in. {@code ssoOnly}: through the organization's identity provider only,
 * never with a password (portal, API, IPP, printers); personal API tokens still work as app passwords, for
 * {@code tokenDaysAfterSso} days after the person's last sign-in through the provider when that is set.
 */
public record SignInPolicy(boolean ssoOnly, Integer tokenDaysAfterSso) {

    public static final SignInPolicy PASSWORD_ALLOWED = new SignInPolicy(false, null);
}
