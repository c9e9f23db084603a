package org.opencps.identity.internal.sso;

import org.opencps.identity.EmailDomainChanged;
import org.opencps.identity.SingleSignOnChanged;
import org.opencps.identity.internal.persistence.DomainClaimStore;
import org.opencps.identity.internal.persistence.SsoStore;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Every e-mail domain a provider (OpenID Connect or SAML) names becomes a claim of its organization, waiting for its
 * proof; in the transaction that saved the provider. Removing a domain from the provider keeps the claim.
 */
@Component
class ProviderDomainClaims {

    private final SsoStore sso;
    private final DomainClaimStore claims;
    private final ApplicationEventPublisher events;

    ProviderDomainClaims(SsoStore sso, DomainClaimStore claims, ApplicationEventPublisher events) {
        this.sso = sso;
        this.claims = claims;
        this.events = events;
    }

    @EventListener
    void on(SingleSignOnChanged changed) {
        for (String domain : sso.domains(changed.orgId())) {
            if (claims.insertClaim(changed.orgId(), domain, changed.at())) {
                events.publishEvent(new EmailDomainChanged(changed.orgId(), changed.changedBy(), domain, "claimed", changed.at()));
            }
        }
    }
}
