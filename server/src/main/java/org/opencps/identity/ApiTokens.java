package org.opencps.identity;

import org.opencps.platform.text.Names;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opencps.access.AccessPolicy;
import org.opencps.identity.internal.persistence.TokenStore;
import org.opencps.identity.internal.sso.SsoTokenRule;
import org.opencps.identity.internal.persistence.UserStore;
import org.opencps.platform.config.OpenCpsProperties;
import org.opencps.platform.errors.InvalidInputException;
import org.opencps.platform.errors.NotFoundException;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.secrets.Tokens;
import org.opencps.platform.security.Actor;
import org.opencps.platform.security.ApiTokenAuthenticator;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens for the CLI and scripts: shown once, stored hashed, scoped to the
 * organization they were made in, expiring, revocable. A token acts as its owner in that
 * organization with the owner's current roles, never more.
 */
@Service
public class ApiTokens implements ApiTokenAuthenticator {

    static final String PREFIX = "ocps_";
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final AccessPolicy policy;
    private final TokenStore store;
    private final UserStore users;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration maxLifetime;
    private final SsoTokenRule ssoRule;
    private final RecentSecondFactor stepUp;

    ApiTokens(AccessPolicy policy, TokenStore store, UserStore users, ApplicationEventPublisher events, Clock clock,
              OpenCpsProperties properties, SsoTokenRule ssoRule, RecentSecondFactor stepUp) {
        this.stepUp = stepUp;
        this.ssoRule = ssoRule;
        this.policy = policy;
        this.store = store;
        this.users = users;
        this.events = events;
        this.clock = clock;
        this.maxLifetime = properties.security().apiTokenMaxLifetime();
    }

    @Transactional
    public CreatedToken create(Actor actor, String name, int lifetimeDays) {
        OrgId org = actor.requireOrganization();
        policy.requireAnyRole(actor, org);
        stepUp.require(actor.userId());
        String cleanName = Names.require("name", name, 100, "a token name");
        if (lifetimeDays < 1 || lifetimeDays > maxLifetime.toDays()) {
            throw new InvalidInputException("lifetimeDays", "problem.token.lifetime", "a token lives 1 to " + maxLifetime.toDays() + " days",
                    maxLifetime.toDays());
        }
        Instant now = clock.instant();
        String secret = Tokens.newToken(PREFIX);
        var token = new ApiToken(org, UUID.randomUUID(), actor.userId(), cleanName, now, now.plus(Duration.ofDays(lifetimeDays)), null, null);
        store.insert(token, Tokens.hash(secret));
        events.publishEvent(new ApiTokenCreated(org, actor.userId(), token.id(), now));
        return new CreatedToken(token, secret);
    }

    public List<ApiToken> mine(Actor actor) {
        return store.tokensOf(actor.requireOrganization(), actor.userId());
    }

    @Transactional
    public void revoke(Actor actor, UUID tokenId) {
        OrgId org = actor.requireOrganization();
        if (!store.revoke(org, actor.userId(), tokenId, clock.instant())) {
            throw new NotFoundException("token");
        }
        events.publishEvent(new ApiTokenRevoked(org, actor.userId(), tokenId, clock.instant()));
    }

    @Override
    @Transactional
    public Optional<Actor> authenticate(String bearerToken) {
        if (bearerToken == null || !bearerToken.startsWith(PREFIX) || bearerToken.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return store.findByHash(Tokens.hash(bearerToken))
                .filter(token -> token.revokedAt() == null && now.isBefore(token.expiresAt()))
                .filter(token -> users.isMember(token.orgId(), token.userId()))
                .filter(token -> ssoRule.allowsToken(token.orgId(), token.userId(), now))
                .map(token -> {
                    if (token.lastUsedAt() == null || now.isAfter(token.lastUsedAt().plus(TOUCH_EVERY))) {
                        store.touch(token.orgId(), token.id(), now);
                    }
                    return new Actor(token.userId(), token.orgId());
                });
    }

    /** A new token with its secret, which is never shown again. */
    public record CreatedToken(ApiToken token, String secret) {
    }
}
