package org.opencps.identity.internal.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.opencps.identity.ScimTokens;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "SCIM provisioning", description = "A customer organization's SCIM token for its identity provider (its customer admins only)")
@RestController
@RequestMapping("/api/v1/organizations/{orgId}/scim")
class ScimTokenController {

    private final ScimTokens tokens;

    ScimTokenController(ScimTokens tokens) {
        this.tokens = tokens;
    }

    /** Whether provisioning is on, and the base URL to give the identity provider; never the token. */
    @GetMapping
    ScimTokens.Status status(Actor actor, @PathVariable OrgId orgId) {
        return tokens.status(actor, orgId);
    }

    /** A new token, shown this once; an earlier one stops working at once. */
    @PostMapping("/token")
    @ResponseStatus(HttpStatus.CREATED)
    ScimTokens.Created rotate(Actor actor, @PathVariable OrgId orgId) {
        return tokens.rotate(actor, orgId);
    }

    /** Turns provisioning off. */
    @DeleteMapping("/token")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(Actor actor, @PathVariable OrgId orgId) {
        tokens.revoke(actor, orgId);
    }
}
