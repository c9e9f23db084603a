package org.opencps.identity;

import java.util.List;

/**
 * What a customer admin sets for the organization's OpenID Connect provider. {@code clientSecret} null or
 * blank keeps the secret already stored. {@code tenant}: the Entra ID tenant id or the Google Workspace
 * domain of those presets (the issuer of Entra ID is made from it); unused by the generic preset.
 */
public record OidcProviderSettings(OidcPreset preset, String issuer, String clientId, String clientSecret,
                                   List<String> extraScopes, String emailClaim, String nameClaim, String groupsClaim,
                                   String tenant, List<String> emailDomains) {
}
