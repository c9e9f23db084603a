package org.opencps.identity.internal.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.opencps.identity.SecondFactorPolicies;
import org.opencps.identity.SecondFactorPolicy;
import org.opencps.identity.SecondFactorPolicy.RequiredFor;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Second factor", description = "Whether a customer organization requires a second factor (its customer admins only)")
@RestController
@RequestMapping("/api/v1/organizations/{orgId}/second-factor-policy")
class SecondFactorPolicyController {

    private final SecondFactorPolicies policies;

    SecondFactorPolicyController(SecondFactorPolicies policies) {
        this.policies = policies;
    }

    /**
     * {@code graceDays}: 0 to 90; missing counts as out of range. {@code identityProviderMfaValues}: acr or
     * AuthnContextClassRef values that mean the identity provider checked a second factor.
     */
    record PolicyChange(RequiredFor requiredFor, Integer graceDays, Boolean trustIdentityProvider,
                        List<String> identityProviderMfaValues) {
    }

    @Operation(summary = "The organization's second-factor requirement, and when its grace period ends (enrolBy)")
    @GetMapping
    SecondFactorPolicy policy(Actor actor, @PathVariable OrgId orgId) {
        return policies.policy(actor, orgId);
    }

    @Operation(summary = "Require a second factor of nobody (OFF), the administrators (ADMINS) or everyone (EVERYONE), "
            + "with a grace period in days, and whether a sign-in through the identity provider that reports its own "
            + "multi-factor check counts; needs a recent second-factor check (step-up)")
    @PutMapping
    SecondFactorPolicy setPolicy(Actor actor, @PathVariable OrgId orgId, @RequestBody PolicyChange body) {
        return policies.setPolicy(actor, orgId, new SecondFactorPolicy(body.requiredFor(),
                body.graceDays() == null ? -1 : body.graceDays(), Boolean.TRUE.equals(body.trustIdentityProvider()),
                body.identityProviderMfaValues(), null));
    }
}
