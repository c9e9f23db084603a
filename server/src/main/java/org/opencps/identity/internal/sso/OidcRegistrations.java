package org.opencps.identity.internal.sso;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.opencps.identity.internal.persistence.OidcProviderStore;
import org.opencps.identity.internal.persistence.OidcProviderStore.ProviderRow;
import org.opencps.platform.errors.InvalidInputException;
import org.opencps.platform.secrets.ServerSecrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.stereotype.Component;

/**
 * Spring's OAuth 2.0 client registrations, one per organization's OpenID Connect provider, read from the database
 * on each use (so every server process sees a change at once). The registration id is the provider's id. The
 * discovery document is fetched again when the stored endpoints are older than a day; if that fails, the
 * endpoints known keep working.
 */
@Component
public class OidcRegistrations implements ClientRegistrationRepository {

    static final Duration REDISCOVER_AFTER = Duration.ofDays(1);
    static final String REDIRECT_URI = "{baseUrl}/sso/oidc/callback/{registrationId}";

    private static final Logger log = LoggerFactory.getLogger(OidcRegistrations.class);

    private final OidcProviderStore store;
    private final OidcDiscovery discovery;
    private final ServerSecrets secrets;
    private final Clock clock;

    OidcRegistrations(OidcProviderStore store, OidcDiscovery discovery, ServerSecrets secrets, Clock clock) {
        this.store = store;
        this.discovery = discovery;
        this.secrets = secrets;
        this.clock = clock;
    }

    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        return provider(registrationId).map(this::registration).orElse(null);
    }

    public Optional<ProviderRow> provider(String registrationId) {
        UUID id;
        try {
            id = UUID.fromString(registrationId);
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
        return store.findByIdAcrossOrganizations(id).map(this::fresh);
    }

    /** The context a client secret is sealed in: its organization and provider, so a row moved elsewhere does not open. */
    public static String secretContext(ProviderRow row) {
        return "oidc-client-secret:" + row.orgId() + ":" + row.id();
    }

    private ProviderRow fresh(ProviderRow row) {
        if (row.discoveredAt().plus(REDISCOVER_AFTER).isAfter(clock.instant())) {
            return row;
        }
        try {
            var endpoints = discovery.discover(row.issuer());
            store.updateEndpoints(row.orgId(), endpoints.authorizationEndpoint(), endpoints.tokenEndpoint(), endpoints.jwksUri(),
                    endpoints.endSessionEndpoint(), clock.instant());
            return store.find(row.orgId()).orElse(row);
        } catch (InvalidInputException e) {
            log.warn("The discovery document of OpenID Connect provider {} could not be fetched again; keeping the endpoints "
                    + "of {}: {}", row.id(), row.discoveredAt(), e.getMessage());
            return row;
        }
    }

    private ClientRegistration registration(ProviderRow row) {
        Set<String> scopes = new LinkedHashSet<>(java.util.List.of("openid", "email", "profile"));
        for (String scope : row.extraScopes().split(" ")) {
            if (!scope.isBlank()) {
                scopes.add(scope);
            }
        }
        return ClientRegistration.withRegistrationId(row.id().toString())
                .clientId(row.clientId())
                .clientSecret(secrets.open(row.sealedSecret(), secretContext(row)))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(REDIRECT_URI)
                .scope(scopes)
                .authorizationUri(row.authorizationEndpoint())
                .tokenUri(row.tokenEndpoint())
                .jwkSetUri(row.jwksUri())
                .issuerUri(row.issuer())
                .userNameAttributeName("sub")
                .clientName(row.issuer())
                .build();
    }
}
