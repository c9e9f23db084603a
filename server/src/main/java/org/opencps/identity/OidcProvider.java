package org.opencps.identity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;

/**
 * An organization's OpenID Connect provider as its admins see it: never the client secret. {@code id} names the
 * provider in the sign-in link ({@code /sso/oidc/start/{id}}) and the redirect URI the provider is told.
 */
public record OidcProvider(OrgId orgId, UUID id, OidcPreset preset, String issuer, String clientId, List<String> extraScopes,
                           String emailClaim, String nameClaim, String groupsClaim, String tenant,
                           List<String> emailDomains, Instant discoveredAt, Instant updatedAt) {
}
