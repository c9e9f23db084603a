package org.opencps.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.opencps.access.FixedRole;
import org.opencps.access.RoleRef;
import org.opencps.identity.SsoOutcome.Reason;
import org.opencps.identity.internal.persistence.OidcProviderStore;
import org.opencps.identity.internal.persistence.SamlProviderStore;
import org.opencps.identity.internal.persistence.SsoStore;
import org.opencps.identity.internal.persistence.UserStore;
import org.opencps.identity.internal.scim.ScimSignInRule;
import org.opencps.identity.internal.sso.BackChannelLogout;
import org.opencps.identity.internal.sso.SsoGroupSync;
import org.opencps.platform.errors.InvalidInputException;
import org.opencps.platform.errors.NotFoundException;
import org.opencps.platform.config.OpenCpsProperties;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.platform.secrets.ServerSecrets;
import org.opencps.tenancy.Organization;
import org.opencps.tenancy.Organizations;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signing people in through their organization's identity provider, whatever the protocol: an identity is
 * bound to an account by (issuer, subject), never by its e-mail address. The first sign-in creates the account
 * from the verified address, name and groups and makes it a member (customer user) of the organization; later
 * ones update the name and the groups the provider manages. An account that already has the asserted address
 * but not this identity is never taken over. Also: which provider signs in an address (home realm discovery),
 * and ending a person's sessions when the provider says they logged out.
 */
@Service
public class SsoSignIns {

    private final SsoStore sso;
    private final OidcProviderStore oidcProviders;
    private final UserStore users;
    private final Users memberships;
    private final SsoGroupSync groups;
    private final Organizations organizations;
    private final SessionLogin sessions;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final OpenCpsProperties properties;
    private final BackChannelLogout backChannel;
    private final SamlProviderStore samlProviders;
    private final ScimSignInRule scim;

    private final SecondFactorRequirement requirement;
    private final ServerSecrets secrets;

    SsoSignIns(SsoStore sso, OidcProviderStore oidcProviders, UserStore users, Users memberships, SsoGroupSync groups,
               Organizations organizations, SessionLogin sessions, ApplicationEventPublisher events,
               TransactionTemplate transaction, Clock clock, OpenCpsProperties properties, BackChannelLogout backChannel,
               SamlProviderStore samlProviders, ScimSignInRule scim, SecondFactorRequirement requirement, ServerSecrets secrets) {
        this.requirement = requirement;
        this.secrets = secrets;
        this.backChannel = backChannel;
        this.samlProviders = samlProviders;
        this.scim = scim;
        this.sso = sso;
        this.oidcProviders = oidcProviders;
        this.users = users;
        this.memberships = memberships;
        this.groups = groups;
        this.organizations = organizations;
        this.sessions = sessions;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
        this.properties = properties;
    }

    /**
     * As {@link #signIn(SsoAssertion, String)}, through an OpenID Connect provider: a success keeps the ID token
     * (sealed) for the provider's logout later ({@link ProviderSession}).
     */
    public SsoOutcome signIn(OidcSignedIn signedIn, String sourceIp) {
        SsoOutcome outcome = signIn(signedIn.assertion(), sourceIp);
        if (outcome instanceof SsoOutcome.Success success) {
            UserId user = success.user().id();
            String sealed = secrets.seal(signedIn.getIdToken().getTokenValue(), idTokenContext(signedIn.providerId(), user));
            return success.from(ProviderSession.oidc(user, signedIn.assertion().orgId(), signedIn.providerId(), sealed));
        }
        return outcome;
    }

    /** What an ID token kept for logout is sealed to: the provider and the person, so it opens for that sign-out only. */
    static String idTokenContext(UUID providerId, UserId user) {
        return "oidc-id-token:" + providerId + ":" + user;
    }

    public SsoOutcome signIn(SsoAssertion assertion, String sourceIp) {
        SsoOutcome outcome = decide(assertion);
        if (outcome instanceof SsoOutcome.Success success) {
            events.publishEvent(new LoginSucceeded(success.user().id(), sourceIp));
            if (requirement.trustsProviderCheck(assertion)) {
                return new SsoOutcome.Success(success.user(), true);
            }
        } else {
            var reason = ((SsoOutcome.Refused) outcome).reason();
            UserId known = sso.identity(assertion.issuer(), assertion.subject()).map(SsoStore.IdentityRow::userId).orElse(null);
            events.publishEvent(new LoginFailed(known, assertion.email(), sourceIp, "single sign-on refused: " + reason));
        }
        return outcome;
    }

    private SsoOutcome decide(SsoAssertion assertion) {
        Organization org = organizations.find(assertion.orgId()).orElse(null);
        if (org == null || !org.active() || org.kind().isProvider()) {
            return new SsoOutcome.Refused(Reason.UNAVAILABLE);
        }
        if (assertion.email() == null) {
            return new SsoOutcome.Refused(Reason.INVALID_ASSERTION);
        }
        if (!assertion.emailVerified()) {
            return new SsoOutcome.Refused(Reason.EMAIL_NOT_VERIFIED);
        }
        if (!sso.signInDomains(org.id()).contains(domainOf(assertion.email()))) {
            return new SsoOutcome.Refused(Reason.DOMAIN_NOT_ALLOWED);
        }
        return transaction.execute(status -> {
            Instant now = clock.instant();
            var bound = sso.identity(assertion.issuer(), assertion.subject());
            User user;
            if (bound.isPresent()) {
                user = users.find(bound.get().userId()).orElseThrow();
                sso.signedIn(assertion.issuer(), assertion.subject(), now);
            } else {
                var existing = users.findByEmail(assertion.email());
                if (existing.isPresent() && !scim.mayBindProvisionedAccount(org.id(), existing.get().id())) {
                    return new SsoOutcome.Refused(Reason.ACCOUNT_NOT_LINKED);
                }
                user = existing.orElseGet(() -> new User(new UserId(UUID.randomUUID()), assertion.email(), displayName(assertion), true, now));
                if (existing.isEmpty()) {
                    users.insert(user);
                }
                sso.bind(org.id(), assertion.protocol(), assertion.issuer(), assertion.subject(), user.id(), now);
            }
            if (scim.deactivated(org.id(), user.id())) {
                return new SsoOutcome.Refused(Reason.UNAVAILABLE);
            }
            if (!users.isMember(org.id(), user.id())) {
                memberships.join(org.id(), user.id(), Set.of(RoleRef.of(FixedRole.CUSTOMER_USER)));
            }
            if (!displayName(assertion).equals(user.displayName())) {
                users.rename(user.id(), displayName(assertion));
                user = users.find(user.id()).orElseThrow();
            }
            if (assertion.groups() != null) {
                groups.apply(org.id(), user.id(), assertion.groups(), now);
            }
            if (assertion.sessionId() != null && !assertion.sessionId().isBlank() && assertion.sessionId().length() <= 255) {
                sso.rememberSession(assertion.issuer(), assertion.sessionId(), user.id(), now,
                        now.minus(properties.security().absoluteSessionTimeout()));
            }
            return new SsoOutcome.Success(user, false);
        });
    }

    /**
     * Home realm discovery: where a person with this e-mail address signs in, when its domain belongs to an
     * organization with an identity provider. Empty means the password form.
     */
    public Optional<String> signInPathFor(String email) {
        if (email == null || !email.contains("@") || email.length() > 254) {
            return Optional.empty();
        }
        var org = sso.organizationOfDomainAcrossOrganizations(domainOf(email.strip()));
        return org.flatMap(oidcProviders::find).map(provider -> "/sso/oidc/start/" + provider.id())
                .or(() -> org.flatMap(samlProviders::find).map(provider -> "/sso/saml/start/" + provider.id()));
    }

    /**
     * The provider said a person logged out (OpenID Connect back-channel logout, SAML single logout): ends every
     * login session of the account bound to (issuer, subject), or of the provider session {@code sid}, and records it
     * under the provider's organization {@code org}.
     *
     * @return how many sessions ended; 0 when nobody is known by these
     */
    public int endSessions(OrgId org, String issuer, String subject, String sid) {
        return endSessionsOf(org, issuer, subject, sid);
    }

    /**
     * OpenID Connect back-channel logout: the provider {@code providerId} posts a logout token; once it passes
     * {@link BackChannelLogout}'s checks, the person's sessions end.
     *
     * @throws InvalidInputException when the token is missing or not valid for this provider
     */
    public int backChannelLogout(UUID providerId, String logoutToken) {
        var provider = oidcProviders.findByIdAcrossOrganizations(providerId)
                .orElseThrow(() -> new NotFoundException("oidc provider"));
        var logout = backChannel.check(provider, logoutToken);
        return endSessionsOf(provider.orgId(), logout.issuer(), logout.subject(), logout.sessionId());
    }

    /** Ends the person's sessions and records it (the provider acted, not the person). */
    private int endSessionsOf(OrgId org, String issuer, String subject, String sid) {
        Optional<UserId> user = subject != null
                ? sso.identity(issuer, subject).map(SsoStore.IdentityRow::userId)
                : Optional.empty();
        if (user.isEmpty() && sid != null) {
            user = sso.sessionOwner(issuer, sid);
        }
        if (user.isEmpty()) {
            return 0;
        }
        UserId person = user.get();
        int ended = sessions.logoutEverywhere(person);
        transaction.executeWithoutResult(status -> events.publishEvent(new AccountActivity(person, org,
                AccountActivity.Kind.SESSIONS_ENDED_BY_IDENTITY_PROVIDER, clock.instant())));
        return ended;
    }

    private static String displayName(SsoAssertion assertion) {
        String name = assertion.displayName() == null ? assertion.email() : assertion.displayName();
        return name.length() > 200 ? name.substring(0, 200) : name;
    }

    static String domainOf(String email) {
        return email.substring(email.lastIndexOf('@') + 1).toLowerCase(java.util.Locale.ROOT);
    }
}
