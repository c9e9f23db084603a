package org.opencps.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.opencps.access.AccessPolicy;
import org.opencps.identity.internal.persistence.ScimStore;
import org.opencps.platform.config.PublicUrl;
import org.opencps.platform.errors.NotFoundException;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.secrets.Tokens;
import org.opencps.platform.security.Actor;
import org.opencps.tenancy.Organizations;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A customer organization's SCIM token: the bearer credential its identity provider's provisioning client uses at
 * {@code /scim/v2}. One per organization, shown once, stored as a hash; making a new one replaces the old at once.
 * Only the organization's customer admins (who manage sign-in, {@link AccessPolicy#requireManageSignIn}) see or
 * change it. A token acts on its own organization only, and only while that organization is active.
 */
@Service
public class ScimTokens {

    static final String PREFIX = "ocpss_";
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final AccessPolicy policy;
    private final ScimStore store;
    private final Organizations organizations;
    private final ApplicationEventPublisher events;
    private final PublicUrl publicUrl;
    private final Clock clock;

    ScimTokens(AccessPolicy policy, ScimStore store, Organizations organizations, ApplicationEventPublisher events,
               PublicUrl publicUrl, Clock clock) {
        this.policy = policy;
        this.store = store;
        this.organizations = organizations;
        this.events = events;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    public Status status(Actor actor, OrgId org) {
        policy.requireManageSignIn(actor, org);
        var token = store.token(org);
        return new Status(token.isPresent(), token.map(ScimStore.TokenRow::createdAt).orElse(null),
                token.map(ScimStore.TokenRow::lastUsedAt).orElse(null), baseUrl());
    }

    /** A new token for the organization, replacing any earlier one; its secret is never shown again. */
    @Transactional
    public Created rotate(Actor actor, OrgId org) {
        policy.requireManageSignIn(actor, org);
        boolean replaced = store.token(org).isPresent();
        String secret = Tokens.newToken(PREFIX);
        Instant now = clock.instant();
        store.replaceToken(org, Tokens.hash(secret), actor.userId(), now);
        events.publishEvent(new ScimChanged(org, actor.userId(), replaced ? "SCIM_TOKEN_ROTATED" : "SCIM_TOKEN_CREATED",
                org.toString(), null, now));
        return new Created(secret, baseUrl(), now);
    }

    /** Turns provisioning off: the token stops working at once. */
    @Transactional
    public void revoke(Actor actor, OrgId org) {
        policy.requireManageSignIn(actor, org);
        if (!store.deleteToken(org)) {
            throw new NotFoundException("scim token");
        }
        events.publishEvent(new ScimChanged(org, actor.userId(), "SCIM_TOKEN_REVOKED", org.toString(), null, clock.instant()));
    }

    /** The organization a SCIM request acts on, when its bearer token is the current one of an active customer organization. */
    @Transactional
    public Optional<OrgId> authenticate(String bearerToken) {
        if (bearerToken == null || !bearerToken.startsWith(PREFIX) || bearerToken.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return store.tokenByHashAcrossOrganizations(Tokens.hash(bearerToken))
                .filter(token -> organizations.find(token.orgId()).filter(org -> org.active() && !org.kind().isProvider()).isPresent())
                .map(token -> {
                    if (token.lastUsedAt() == null || now.isAfter(token.lastUsedAt().plus(TOUCH_EVERY))) {
                        store.tokenUsed(token.orgId(), now);
                    }
                    return token.orgId();
                });
    }

    private String baseUrl() {
        return publicUrl.base() + "/scim/v2";
    }

    /** Whether the organization has a token, since when, when it was last used, and the URL to give the provider. */
    public record Status(boolean enabled, Instant createdAt, Instant lastUsedAt, String baseUrl) {
    }

    /** A new token with its secret, shown this once. */
    public record Created(String token, String baseUrl, Instant createdAt) {
    }
}
