package org.opencps.scanning.cloud.internal.oauth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.opencps.documents.OrgSecrets;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.scanning.CloudAccountChanged;
import org.opencps.scanning.cloud.CloudService;
import org.opencps.scanning.cloud.internal.CloudProvider;
import org.opencps.scanning.cloud.internal.persistence.CloudAccountStore;
import org.opencps.scanning.cloud.internal.upload.CloudCallFailed;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A person's tokens for one linked account: sealed with the organization's key and bound to the
 * person and service, so one person's token never opens as another's. Access tokens are refreshed
 * a minute before they expire and when the provider refuses one; the refresh holds the account's
 * row lock, so of several processes one refreshes and the others take its result (Box and
 * Microsoft hand out a new refresh token each time and refuse the old one).
 */
@Component
public class AccessTokens {

    static final Duration EARLY = Duration.ofMinutes(1);
    public static final String RELINK = "the account must be linked again";

    private final CloudAccountStore accounts;
    private final OrgSecrets secrets;
    private final OAuthClients clients;
    private final TokenEndpoint endpoint;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AccessTokens(CloudAccountStore accounts, OrgSecrets secrets, OAuthClients clients, TokenEndpoint endpoint,
                 TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock) {
        this.accounts = accounts;
        this.secrets = secrets;
        this.clients = clients;
        this.endpoint = endpoint;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    /** A valid access token of the person's account; REFUSED when there is none or it must be linked again. */
    public String current(OrgId org, UserId user, CloudService service) {
        CloudAccountStore.Row row = accounts.find(org, user, service)
                .orElseThrow(() -> CloudCallFailed.refused("no linked " + service + " account"));
        if (clock.instant().plus(EARLY).isBefore(row.accessExpiresAt())) {
            return open(row, row.sealedAccessToken(), "access");
        }
        return refresh(org, user, service, null);
    }

    /** A fresh access token, unless another process already replaced {@code stale} (or the expired one). */
    public String refresh(OrgId org, UserId user, CloudService service, String stale) {
        String refreshed = transactions.execute(status -> {
            CloudAccountStore.Row row = accounts.findForUpdate(org, user, service)
                    .orElseThrow(() -> CloudCallFailed.refused("no linked " + service + " account"));
            String current = open(row, row.sealedAccessToken(), "access");
            if (!current.equals(stale) && clock.instant().plus(EARLY).isBefore(row.accessExpiresAt())) {
                return current;
            }
            if (row.sealedRefreshToken() == null) {
                return forget(row);
            }
            OAuthClients.Client client = clients.of(org, CloudProvider.of(service))
                    .orElseThrow(() -> CloudCallFailed.refused("no OAuth client is configured for " + service));
            TokenEndpoint.Grant grant;
            try {
                grant = endpoint.refresh(client, open(row, row.sealedRefreshToken(), "refresh"));
            } catch (CloudCallFailed refused) {
                if (refused.kind() == CloudCallFailed.Kind.REFUSED) {
                    return forget(row);
                }
                throw refused;
            } catch (IOException unreachable) {
                throw new UncheckedIOException(unreachable);
            }
            Instant now = clock.instant();
            accounts.updateTokens(org, user, service, seal(org, user, service, grant.accessToken(), "access"),
                    grant.refreshToken() == null ? row.sealedRefreshToken() : seal(org, user, service, grant.refreshToken(), "refresh"),
                    now.plusSeconds(grant.expiresInSeconds()), now);
            return grant.accessToken();
        });
        if (refreshed == null) {
            throw CloudCallFailed.refused(RELINK);
        }
        return refreshed;
    }

    /** Keeps the tokens of a newly linked account (replacing an earlier link of the same service). */
    public void link(OrgId org, UserId user, CloudService service, TokenEndpoint.Grant grant) {
        Instant now = clock.instant();
        String driveId = accounts.find(org, user, service).map(CloudAccountStore.Row::driveId).orElse(null);
        var row = new CloudAccountStore.Row(org, user, service, seal(org, user, service, grant.accessToken(), "access"),
                grant.refreshToken() == null ? null : seal(org, user, service, grant.refreshToken(), "refresh"),
                now.plusSeconds(grant.expiresInSeconds()), driveId, now);
        transactions.executeWithoutResult(status -> {
            accounts.save(row, now);
            announce(org, user, service, CloudAccountChanged.Change.LINKED);
        });
    }

    /** Forgets the account here and revokes its grant at the provider where the provider offers it. */
    public boolean unlink(OrgId org, UserId user, CloudService service) {
        Optional<CloudAccountStore.Row> row = accounts.find(org, user, service);
        boolean deleted = row.isPresent() && Boolean.TRUE.equals(transactions.execute(status -> {
            if (!accounts.delete(org, user, service)) {
                return false;
            }
            announce(org, user, service, CloudAccountChanged.Change.UNLINKED);
            return true;
        }));
        if (!deleted) {
            return false;
        }
        String token = row.get().sealedRefreshToken() != null
                ? open(row.get(), row.get().sealedRefreshToken(), "refresh") : open(row.get(), row.get().sealedAccessToken(), "access");
        clients.of(org, CloudProvider.of(service)).ifPresent(client -> endpoint.revoke(client, token));
        return true;
    }

    /** The refresh token was refused: the link is dead (deleted as the transaction commits); null says so. */
    private String forget(CloudAccountStore.Row row) {
        if (accounts.delete(row.org(), row.user(), row.service())) {
            announce(row.org(), row.user(), row.service(), CloudAccountChanged.Change.REVOKED);
        }
        return null;
    }

    private void announce(OrgId org, UserId user, CloudService service, CloudAccountChanged.Change change) {
        events.publishEvent(new CloudAccountChanged(org, user, service.name().toLowerCase(Locale.ROOT), change, clock.instant()));
    }

    private String seal(OrgId org, UserId user, CloudService service, String token, String kind) {
        return secrets.seal(org, token, context(user, service, kind));
    }

    /** A token that does not open (the keys are gone, or the row was tampered with) is no link at all. */
    private String open(CloudAccountStore.Row row, String sealed, String kind) {
        try {
            return secrets.open(row.org(), sealed, context(row.user(), row.service(), kind))
                    .orElseThrow(() -> CloudCallFailed.refused(RELINK));
        } catch (IllegalStateException notSealedForThisAccount) {
            throw CloudCallFailed.refused(RELINK);
        }
    }

    private static String context(UserId user, CloudService service, String kind) {
        return "cloud " + kind + " token/" + user + "/" + service;
    }
}
