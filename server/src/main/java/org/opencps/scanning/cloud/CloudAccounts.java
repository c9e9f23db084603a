package org.opencps.scanning.cloud;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opencps.access.AccessPolicy;
import org.opencps.access.Permission;
import org.opencps.documents.OrgSecrets;
import org.opencps.platform.changes.SettingChanged;
import org.opencps.platform.config.PublicUrl;
import org.opencps.platform.errors.InvalidInputException;
import org.opencps.platform.errors.NotFoundException;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.secrets.Tokens;
import org.opencps.platform.security.Actor;
import org.opencps.scanning.cloud.internal.CloudProperties;
import org.opencps.scanning.cloud.internal.CloudProvider;
import org.opencps.scanning.cloud.internal.oauth.AccessTokens;
import org.opencps.scanning.cloud.internal.oauth.OAuthClients;
import org.opencps.scanning.cloud.internal.oauth.TokenEndpoint;
import org.opencps.scanning.cloud.internal.persistence.CloudAccountStore;
import org.opencps.scanning.cloud.internal.persistence.CloudLinkStore;
import org.opencps.scanning.cloud.internal.upload.CloudCallFailed;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Linking a person's cloud storage accounts (OAuth2 authorization code flow with PKCE and state):
 * the link begins with a redirect to the provider and ends when the provider redirects back with
 * a code, which only the person who began it, in the same organization, can redeem. Only the
 * tokens are kept. Everything here acts on the caller's own accounts.
 */
@Service
public class CloudAccounts {

    /** A linked account as its owner sees it. */
    public record LinkedAccount(CloudService service, Instant linkedAt, String driveId) {
    }

    private final AccessPolicy policy;
    private final CloudAccountStore accounts;
    private final CloudLinkStore links;
    private final OAuthClients clients;
    private final TokenEndpoint endpoint;
    private final AccessTokens tokens;
    private final OrgSecrets secrets;
    private final CloudProperties properties;
    private final PublicUrl publicUrl;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CloudAccounts(AccessPolicy policy, CloudAccountStore accounts, CloudLinkStore links, OAuthClients clients, TokenEndpoint endpoint,
                  AccessTokens tokens, OrgSecrets secrets, CloudProperties properties, PublicUrl publicUrl,
                  ApplicationEventPublisher events, Clock clock) {
        this.policy = policy;
        this.accounts = accounts;
        this.links = links;
        this.clients = clients;
        this.endpoint = endpoint;
        this.tokens = tokens;
        this.secrets = secrets;
        this.properties = properties;
        this.publicUrl = publicUrl;
        this.events = events;
        this.clock = clock;
    }

    /** Where the provider sends the person back to. */
    public URI redirectUri() {
        return URI.create(publicUrl.base() + "/cloud-accounts/callback");
    }

    public List<LinkedAccount> mine(Actor actor) {
        OrgId org = actor.requireOrganization();
        policy.requireAnyRole(actor, org);
        return accounts.ofPerson(org, actor.userId()).stream()
                .map(row -> new LinkedAccount(row.service(), row.linkedAt(), row.driveId())).toList();
    }

    /** Whether the organization or the deployment configured an OAuth client for the service. */
    public boolean available(Actor actor, CloudService service) {
        return clients.of(actor.requireOrganization(), CloudProvider.of(service)).isPresent();
    }

    /** Begins a link: answers the provider's authorization URL to send the person's browser to. */
    public URI beginLink(Actor actor, CloudService service) {
        OrgId org = actor.requireOrganization();
        policy.requireAnyRole(actor, org);
        OAuthClients.Client client = clients.of(org, CloudProvider.of(service))
                .orElseThrow(() -> new InvalidInputException("service", "problem.cloud.noClient", "no OAuth client is configured for " + service, service));
        Instant now = clock.instant();
        links.deleteOlderThan(now.minus(properties.linkLifetime()));
        String state = Tokens.newToken("");
        String verifier = Tokens.newToken("");
        links.insert(Tokens.hash(state), new CloudLinkStore.Row(org, actor.userId(), service,
                secrets.seal(org, verifier, verifierContext(actor, state)), now));
        StringBuilder url = new StringBuilder(client.endpoints().authorizeUri().toString())
                .append(client.endpoints().authorizeUri().getQuery() == null ? '?' : '&')
                .append("response_type=code")
                .append("&client_id=").append(encode(client.clientId()))
                .append("&redirect_uri=").append(encode(redirectUri().toString()))
                .append("&state=").append(encode(state))
                .append("&code_challenge=").append(encode(challenge(verifier)))
                .append("&code_challenge_method=S256");
        if (client.endpoints().scope() != null) {
            url.append("&scope=").append(encode(client.endpoints().scope()));
        }
        if (client.provider() == CloudProvider.GOOGLE) {
            url.append("&access_type=offline&prompt=consent"); // Google hands out a refresh token only when asked so
        }
        return URI.create(url.toString());
    }

    /**
     * Ends a link with the code the provider redirected back with. The state must be one this
     * person began in this organization, within the link lifetime, and is used once; any other is
     * unknown (404) and leaves the link to its owner.
     */
    public CloudService completeLink(Actor actor, String state, String code) {
        OrgId org = actor.requireOrganization();
        policy.requireAnyRole(actor, org);
        if (state == null || state.isBlank() || code == null || code.isBlank()) {
            throw new InvalidInputException("code", "problem.cloud.noCode", "the provider sent no authorization code");
        }
        String hash = Tokens.hash(state);
        CloudLinkStore.Row link = links.find(hash)
                .filter(row -> row.org().equals(org) && row.user().equals(actor.userId()))
                .orElseThrow(() -> new NotFoundException("cloud account link"));
        if (links.take(hash).isEmpty() || link.createdAt().plus(properties.linkLifetime()).isBefore(clock.instant())) {
            throw new NotFoundException("cloud account link");
        }
        String verifier = secrets.open(org, link.sealedVerifier(), verifierContext(actor, state))
                .orElseThrow(() -> new NotFoundException("cloud account link"));
        OAuthClients.Client client = clients.of(org, CloudProvider.of(link.service()))
                .orElseThrow(() -> new InvalidInputException("service", "problem.cloud.noClient", "no OAuth client is configured for " + link.service(), link.service()));
        try {
            tokens.link(org, actor.userId(), link.service(), endpoint.exchange(client, code, verifier, redirectUri().toString()));
        } catch (CloudCallFailed | IOException refused) {
            throw new InvalidInputException("code", "problem.cloud.refused", link.service() + " did not grant access: " + refused.getMessage(), link.service());
        }
        return link.service();
    }

    /** Forgets the account's tokens and revokes them at the provider where it can. */
    public void unlink(Actor actor, CloudService service) {
        OrgId org = actor.requireOrganization();
        policy.requireAnyRole(actor, org);
        if (!tokens.unlink(org, actor.userId(), service)) {
            throw new NotFoundException("linked account");
        }
    }

    /** The SharePoint site drive (a Graph drive id) the person's scans go to. */
    public void chooseSharePointDrive(Actor actor, String driveId) {
        OrgId org = actor.requireOrganization();
        policy.requireAnyRole(actor, org);
        if (driveId == null || !driveId.matches("[A-Za-z0-9!_\\-]{1,200}")) {
            throw new InvalidInputException("driveId", "problem.cloud.driveId", "a SharePoint drive id is 1 to 200 letters, digits and ! _ -");
        }
        if (!accounts.updateDrive(org, actor.userId(), CloudService.SHAREPOINT, driveId)) {
            throw new NotFoundException("linked account");
        }
    }

    /**
     * The organization's own OAuth client at a provider, replacing the deployment's for its people
     * (their existing links keep working only if the client is the same app). Settings managers only.
     * Audited with the client id before and after; the secret only as "set" or "changed", never its value.
     */
    @Transactional
    public void configureClient(Actor actor, OrgId org, String provider, String clientId, String clientSecret) {
        policy.require(actor, Permission.SETTINGS_MANAGE, org);
        CloudProvider chosen = provider(provider);
        if (clientId == null || clientId.isBlank() || clientId.length() > 500) {
            throw new InvalidInputException("clientId", "problem.cloud.clientId", "the client id is 1 to 500 characters");
        }
        if (clientSecret == null || clientSecret.isBlank() || clientSecret.length() > 1000) {
            throw new InvalidInputException("clientSecret", "problem.cloud.clientSecret", "the client secret is 1 to 1000 characters");
        }
        Map<String, String> before = ownClient(org, chosen);
        clients.configure(org, chosen, clientId.strip(), clientSecret.strip());
        clientChanged(actor, org, chosen, before.isEmpty() ? "CLOUD_CLIENT_CONFIGURED" : "CLOUD_CLIENT_CHANGED", before,
                Map.of("clientId", clientId.strip(), "clientSecret", before.isEmpty() ? "set" : "changed"));
    }

    /** Back to the deployment's client. */
    @Transactional
    public void removeClient(Actor actor, OrgId org, String provider) {
        policy.require(actor, Permission.SETTINGS_MANAGE, org);
        CloudProvider chosen = provider(provider);
        Map<String, String> before = ownClient(org, chosen);
        if (!clients.removeOwn(org, chosen)) {
            throw new NotFoundException("OAuth client");
        }
        clientChanged(actor, org, chosen, "CLOUD_CLIENT_REMOVED", before, Map.of());
    }

    /** The organization's own client as the audit trail shows it: its id, and of the secret only that there is one. */
    private Map<String, String> ownClient(OrgId org, CloudProvider provider) {
        return clients.ownClientId(org, provider).map(id -> Map.of("clientId", id, "clientSecret", "set")).orElse(Map.of());
    }

    private void clientChanged(Actor actor, OrgId org, CloudProvider provider, String auditType, Map<String, String> before,
                               Map<String, String> after) {
        events.publishEvent(new SettingChanged(org, actor.userId(), auditType, provider.name().toLowerCase(Locale.ROOT), before, after,
                clock.instant()));
    }

    private static CloudProvider provider(String name) {
        try {
            return CloudProvider.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new NotFoundException("cloud provider");
        }
    }

    private static String verifierContext(Actor actor, String state) {
        return "cloud link verifier/" + actor.userId() + "/" + Tokens.hash(state);
    }

    /** RFC 7636 S256: the base64url SHA-256 of the verifier. */
    static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
