package org.opencps.identity.internal.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.opencps.identity.OidcProvider;
import org.opencps.identity.OidcProviderSettings;
import org.opencps.identity.SignInPolicy;
import org.opencps.identity.SingleSignOn;
import org.opencps.platform.errors.NotFoundException;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Single sign-on", description = "A customer organization's OpenID Connect provider and sign-in policy (its customer admins only)")
@RestController
@RequestMapping("/api/v1/organizations/{orgId}/sso")
class SingleSignOnController {

    private final SingleSignOn sso;

    SingleSignOnController(SingleSignOn sso) {
        this.sso = sso;
    }

    /** The provider without its client secret, which is never shown again. */
    @GetMapping("/oidc")
    OidcProvider provider(Actor actor, @PathVariable OrgId orgId) {
        return sso.oidcProvider(actor, orgId).orElseThrow(() -> new NotFoundException("oidc provider"));
    }

    /** Creates or replaces the provider; a blank clientSecret keeps the stored one. The issuer's discovery document is fetched first. */
    @PutMapping("/oidc")
    OidcProvider save(Actor actor, @PathVariable OrgId orgId, @RequestBody OidcProviderSettings body) {
        return sso.saveOidcProvider(actor, orgId, body);
    }

    @DeleteMapping("/oidc")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(Actor actor, @PathVariable OrgId orgId) {
        sso.removeOidcProvider(actor, orgId);
    }

    @GetMapping("/policy")
    SignInPolicy policy(Actor actor, @PathVariable OrgId orgId) {
        return sso.signInPolicy(actor, orgId);
    }

    @PutMapping("/policy")
    SignInPolicy setPolicy(Actor actor, @PathVariable OrgId orgId, @RequestBody SignInPolicy body) {
        return sso.setSignInPolicy(actor, orgId, body);
    }
}
