package org.opencps.identity.internal.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.opencps.identity.EmailDomain;
import org.opencps.identity.EmailDomainProof;
import org.opencps.identity.EmailDomains;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Single sign-on", description = "A customer organization's e-mail domains and their proof by DNS (its customer admins only)")
@RestController
@RequestMapping("/api/v1/organizations/{orgId}/sso/domains")
class EmailDomainsController {

    private final EmailDomains domains;

    EmailDomainsController(EmailDomains domains) {
        this.domains = domains;
    }

    record ClaimRequest(String domain) {
    }

    /** The TXT record to publish and the claimed domains with their state. */
    @GetMapping
    EmailDomainProof list(Actor actor, @PathVariable OrgId orgId) {
        return domains.domains(actor, orgId);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    EmailDomain claim(Actor actor, @PathVariable OrgId orgId, @RequestBody ClaimRequest body) {
        return domains.claim(actor, orgId, body.domain());
    }

    /** Looks for the organization's TXT record now. */
    @PostMapping("/{domain}/check")
    EmailDomain check(Actor actor, @PathVariable OrgId orgId, @PathVariable String domain) {
        return domains.check(actor, orgId, domain);
    }

    @DeleteMapping("/{domain}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void release(Actor actor, @PathVariable OrgId orgId, @PathVariable String domain) {
        domains.release(actor, orgId, domain);
    }
}
