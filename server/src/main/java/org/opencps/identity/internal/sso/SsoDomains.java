package org.opencps.identity.internal.sso;

import java.util.List;
import org.opencps.identity.internal.persistence.SamlProviderStore;
import org.opencps.identity.internal.persistence.OidcProviderStore;
import org.opencps.identity.internal.persistence.DomainClaimStore;
import org.opencps.platform.errors.ConflictException;
import org.opencps.platform.ids.OrgId;
import org.springframework.stereotype.Component;

/**
 * The rules every protocol's provider shares: an e-mail domain proved by one organization is named by no other, and an
 * organization has one identity provider, OpenID Connect or SAML, so that home realm discovery has one answer.
 */
@Component
public class SsoDomains {

    private final OidcProviderStore oidc;
    private final SamlProviderStore saml;
    private final DomainClaimStore claims;

    SsoDomains(OidcProviderStore oidc, SamlProviderStore saml, DomainClaimStore claims) {
        this.claims = claims;
        this.oidc = oidc;
        this.saml = saml;
    }

    /**
     * A domain another organization proved it owns cannot be named; one merely named elsewhere can (only a proved
     * domain signs anyone in, so naming one first takes nothing from its owner).
     *
     * @throws ConflictException when another organization verified one of the domains
     */
    public void requireFree(OrgId org, List<String> domains) {
        for (String domain : domains) {
            var owner = claims.verifiedBy(domain);
            if (owner.isPresent() && !owner.get().equals(org)) {
                throw domainTaken(domain);
            }
        }
    }

    public static ConflictException domainTaken(String domain) {
        return new ConflictException("domain", "problem.sso.domainTaken",
                "the domain " + domain + " is verified by another organization", domain);
    }

    /** @throws ConflictException when the organization has a provider of the other protocol */
    public void requireNoOtherProtocol(OrgId org, String protocol) {
        if (protocol.equals("saml") && oidc.find(org).isPresent()) {
            throw new ConflictException("protocol", "problem.sso.oidcInUse",
                    "the organization signs in through OpenID Connect: remove that provider first");
        }
        if (protocol.equals("oidc") && saml.find(org).isPresent()) {
            throw new ConflictException("protocol", "problem.sso.samlInUse",
                    "the organization signs in through SAML: remove that provider first");
        }
    }

    public boolean hasProvider(OrgId org) {
        return oidc.find(org).isPresent() || saml.find(org).isPresent();
    }
}
