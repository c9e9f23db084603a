package org.opencps.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opencps.access.AccessPolicy;
import org.opencps.identity.internal.persistence.OidcProviderStore;
import org.opencps.identity.internal.persistence.OidcProviderStore.ProviderRow;
import org.opencps.identity.internal.persistence.SsoStore;
import org.opencps.identity.internal.sso.OidcDiscovery;
import org.opencps.identity.internal.sso.OidcRegistrations;
import org.opencps.identity.internal.sso.OidcSettingsRules;
import org.opencps.identity.internal.sso.SsoChangeTexts;
import org.opencps.identity.internal.sso.SsoDomains;
import org.opencps.platform.errors.ConflictException;
import org.opencps.platform.errors.InvalidInputException;
import org.opencps.platform.errors.NotFoundException;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.secrets.ServerSecrets;
import org.opencps.platform.security.Actor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A customer organization's single sign-on settings: its OpenID Connect provider and its sign-in policy. Only the
 * organization's customer admins see or change them ({@link AccessPolicy#requireManageSignIn}). The client secret is
 * sealed, bound to the organization and provider, and never shown again. Saving fetches the issuer's discovery
 * document first, so a wrong issuer is refused with the reason rather than failing at the first sign-in.
 */
@Service
public class SingleSignOn {

    private final AccessPolicy policy;
    private final OidcProviderStore providers;
    private final SsoStore sso;
    private final OidcDiscovery discovery;
    private final ServerSecrets secrets;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SsoDomains ssoDomains;
    private final RecentSecondFactor stepUp;

    SingleSignOn(AccessPolicy policy, OidcProviderStore providers, SsoStore sso, OidcDiscovery discovery, ServerSecrets secrets,
                 TransactionTemplate transaction, ApplicationEventPublisher events, Clock clock, SsoDomains ssoDomains,
                 RecentSecondFactor stepUp) {
        this.ssoDomains = ssoDomains;
        this.stepUp = stepUp;
        this.policy = policy;
        this.providers = providers;
        this.sso = sso;
        this.discovery = discovery;
        this.secrets = secrets;
        this.transaction = transaction;
        this.events = events;
        this.clock = clock;
    }

    public Optional<OidcProvider> oidcProvider(Actor actor, OrgId org) {
        policy.requireManageSignIn(actor, org);
        return providers.find(org).map(row -> view(row, sso.domains(org)));
    }

    public OidcProvider saveOidcProvider(Actor actor, OrgId org, OidcProviderSettings settings) {
        policy.requireManageSignIn(actor, org);
        stepUp.require(actor.userId());
        var existing = providers.find(org);
        var clean = OidcSettingsRules.check(settings, existing.isPresent());
        ssoDomains.requireNoOtherProtocol(org, "oidc");
        ssoDomains.requireFree(org, clean.domains());
        var endpoints = discovery.discover(clean.issuer());
        Instant now = clock.instant();
        UUID id = existing.map(ProviderRow::id).orElseGet(UUID::randomUUID);
        var unsealed = new ProviderRow(org, id, clean.preset().name(), clean.issuer(), clean.clientId(), "", clean.extraScopes(),
                clean.emailClaim(), clean.nameClaim(), clean.groupsClaim(), clean.tenant(), endpoints.authorizationEndpoint(),
                endpoints.tokenEndpoint(), endpoints.jwksUri(), now, now, endpoints.endSessionEndpoint());
        String sealed = clean.clientSecret() != null
                ? secrets.seal(clean.clientSecret(), OidcRegistrations.secretContext(unsealed))
                : existing.orElseThrow().sealedSecret();
        var row = new ProviderRow(org, id, unsealed.preset(), unsealed.issuer(), unsealed.clientId(), sealed,
                unsealed.extraScopes(), unsealed.emailClaim(), unsealed.nameClaim(), unsealed.groupsClaim(), unsealed.tenant(),
                unsealed.authorizationEndpoint(), unsealed.tokenEndpoint(), unsealed.jwksUri(), now, now,
                unsealed.endSessionEndpoint());
        transaction.executeWithoutResult(status -> {
            String before = existing.map(previous -> SsoChangeTexts.oidc(previous, sso.domains(org))).orElse(null);
            providers.save(row);
            sso.replaceDomains(org, clean.domains());
            events.publishEvent(new SingleSignOnChanged(org, actor.userId(), SsoChangeTexts.change("oidc provider", before,
                    SsoChangeTexts.oidc(row, clean.domains())) + (existing.isPresent() && clean.clientSecret() != null
                    ? "; client secret replaced" : ""), now));
        });
        return view(row, clean.domains());
    }

    public void removeOidcProvider(Actor actor, OrgId org) {
        policy.requireManageSignIn(actor, org);
        stepUp.require(actor.userId());
        transaction.executeWithoutResult(status -> {
            if (sso.policy(org).map(SsoStore.PolicyRow::ssoOnly).orElse(false)) {
                throw new ConflictException("ssoOnly", "problem.sso.allowPasswordsFirst",
                        "allow passwords again before removing the provider: otherwise nobody could sign in");
            }
            String before = providers.find(org).map(previous -> SsoChangeTexts.oidc(previous, sso.domains(org))).orElse(null);
            if (!providers.delete(org)) {
                throw new NotFoundException("oidc provider");
            }
            sso.replaceDomains(org, List.of());
            events.publishEvent(new SingleSignOnChanged(org, actor.userId(), SsoChangeTexts.change("oidc provider", before, null),
                    clock.instant()));
        });
    }

    public SignInPolicy signInPolicy(Actor actor, OrgId org) {
        policy.requireManageSignIn(actor, org);
        return sso.policy(org).map(row -> new SignInPolicy(row.ssoOnly(), row.tokenDaysAfterSso())).orElse(SignInPolicy.PASSWORD_ALLOWED);
    }

    public SignInPolicy setSignInPolicy(Actor actor, OrgId org, SignInPolicy wanted) {
        policy.requireManageSignIn(actor, org);
        stepUp.require(actor.userId());
        Integer days = wanted.tokenDaysAfterSso();
        if (days != null && (days < 1 || days > 365)) {
            throw new InvalidInputException("tokenDaysAfterSso", "problem.sso.tokenDays",
                    "API tokens keep working 1 to 365 days after the last sign-in, or leave it empty");
        }
        transaction.executeWithoutResult(status -> {
            if (wanted.ssoOnly() && !ssoDomains.hasProvider(org)) {
                throw new ConflictException("ssoOnly", "problem.sso.providerFirst", "set up the identity provider before allowing sign-in through it only");
            }
            var before = sso.policy(org).orElse(new SsoStore.PolicyRow(false, null));
            sso.savePolicy(org, new SsoStore.PolicyRow(wanted.ssoOnly(), days));
            events.publishEvent(new SingleSignOnChanged(org, actor.userId(),
                    "sign-in: " + signIn(before.ssoOnly()) + " -> " + signIn(wanted.ssoOnly())
                            + "; API tokens after the last SSO sign-in: " + tokenDays(before.tokenDaysAfterSso()) + " -> "
                            + tokenDays(days), clock.instant()));
        });
        return new SignInPolicy(wanted.ssoOnly(), days);
    }

    private static String signIn(boolean ssoOnly) {
        return ssoOnly ? "sso only" : "password allowed";
    }

    private static String tokenDays(Integer days) {
        return days == null ? "no limit" : days + " days";
    }

    private static OidcProvider view(ProviderRow row, List<String> domains) {
        List<String> scopes = row.extraScopes().isBlank() ? List.of() : List.of(row.extraScopes().split(" "));
        return new OidcProvider(row.orgId(), row.id(), OidcPreset.valueOf(row.preset()), row.issuer(), row.clientId(), scopes,
                row.emailClaim(), row.nameClaim(), row.groupsClaim(), row.tenant(), domains, row.discoveredAt(), row.updatedAt());
    }
}
