package org.opencps.identity.internal.sso;

import java.util.List;
import org.opencps.identity.internal.persistence.SamlProviderStore;
import org.opencps.identity.internal.persistence.OidcProviderStore;
import org.opencps.identity.internal.persistence.SsoStore;
import org.opencps.platform.errors.ConflictException;
import org.opencps.platform.ids.OrgId;
import org.springframework.stereotype.Component;

/**
 * The rules every protocol's provider shares: an e-mail domain signs in through one organization only, and an
 * organization has one identity provider, OpenID Connect or SAML, so that home realm discovery has one answer.
 */
@Component
public class SsoDomains {

    private final SsoStore sso;
    private final OidcProviderStore oidc;
    private final SamlProviderStore saml;

    SsoDomains(SsoStore sso, OidcProviderStore oidc, SamlProviderStore saml) {
        this.sso = sso;
        this.oidc = oidc;
        this.saml = saml;
    }

    /** @throws ConflictException when another organization signs in one of the domains already */
    public void requireFree(OrgId org, List<String> domains) {
        for (String domain : domains) {
            var owner = sso.organizationOfDomainAcrossOrganizations(domain);
            if (owner.isPresent() && !owner.get().equals(org)) {
                throw new ConflictException("emailDomains", "the domain " + domain + " already signs in through another organization");
            }
        }
    }

    /** @throws ConflictException when the organization has a provider of the other protocol */
    public void requireNoOtherProtocol(OrgId org, String protocol) {
        if (protocol.equals("saml") && oidc.find(org).isPresent()) {
            throw new ConflictException("protocol", "the organization signs in through OpenID Connect: remove that provider first");
        }
        if (protocol.equals("oidc") && saml.find(org).isPresent()) {
            throw new ConflictException("protocol", "the organization signs in through SAML: remove that provider first");
        }
    }

    public boolean hasProvider(OrgId org) {
        return oidc.find(org).isPresent() || saml.find(org).isPresent();
    }
}
