package org.opencps.scanning.cloud.internal.oauth;

import java.util.Optional;
import org.opencps.documents.OrgSecrets;
import org.opencps.platform.ids.OrgId;
import org.opencps.scanning.cloud.internal.CloudProperties;
import org.opencps.scanning.cloud.internal.CloudProvider;
import org.opencps.scanning.cloud.internal.persistence.CloudClientStore;
import org.springframework.stereotype.Component;

/**
 * The OAuth client an organization's people link and refresh with: the organization's own, when it
 * configured one, otherwise the deployment's. Endpoints are always the deployment's.
 */
@Component
public class OAuthClients {

    /** A client and where its provider's endpoints are. */
    public record Client(CloudProvider provider, String clientId, String clientSecret, CloudProperties.Provider endpoints) {

        @Override
        public String toString() {
            return "Client[" + provider + ", " + clientId + "]";
        }
    }

    private final CloudProperties properties;
    private final CloudClientStore store;
    private final OrgSecrets secrets;

    OAuthClients(CloudProperties properties, CloudClientStore store, OrgSecrets secrets) {
        this.properties = properties;
        this.store = store;
        this.secrets = secrets;
    }

    /** The client, or empty when neither the organization nor the deployment configured one. */
    public Optional<Client> of(OrgId org, CloudProvider provider) {
        CloudProperties.Provider endpoints = properties.of(provider);
        Optional<Client> own = store.find(org, provider.name()).flatMap(row -> secrets.open(org, row.sealedClientSecret(), context(provider))
                .map(secret -> new Client(provider, row.clientId(), secret, endpoints)));
        if (own.isPresent()) {
            return own;
        }
        if (endpoints.clientId() == null || endpoints.clientId().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new Client(provider, endpoints.clientId(), endpoints.clientSecret(), endpoints));
    }

    public void configure(OrgId org, CloudProvider provider, String clientId, String clientSecret) {
        store.save(org, provider.name(), new CloudClientStore.Row(clientId, secrets.seal(org, clientSecret, context(provider))));
    }

    public boolean removeOwn(OrgId org, CloudProvider provider) {
        return store.delete(org, provider.name());
    }

    /** The id of the organization's own client, if it configured one. */
    public Optional<String> ownClientId(OrgId org, CloudProvider provider) {
        return store.find(org, provider.name()).map(CloudClientStore.Row::clientId);
    }

    private static String context(CloudProvider provider) {
        return "cloud client secret/" + provider;
    }
}
