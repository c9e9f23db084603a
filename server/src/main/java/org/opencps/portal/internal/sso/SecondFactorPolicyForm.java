package org.opencps.portal.internal.sso;

import java.util.Arrays;
import org.opencps.identity.SecondFactorPolicies;
import org.opencps.identity.SecondFactorPolicy;
import org.opencps.identity.SecondFactorPolicy.RequiredFor;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.opencps.portal.internal.web.Forms;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The second-factor requirement form on the organization's sign-in page; identity decides who may change it. */
@Controller
class SecondFactorPolicyForm {

    private final SecondFactorPolicies policies;

    SecondFactorPolicyForm(SecondFactorPolicies policies) {
        this.policies = policies;
    }

    @PostMapping("/orgs/{orgId}/sso/second-factor")
    String save(Actor actor, @PathVariable OrgId orgId, @RequestParam(defaultValue = "OFF") RequiredFor requiredFor,
                @RequestParam(defaultValue = "") String graceDays,
                @RequestParam(defaultValue = "false") boolean trustIdentityProvider,
                @RequestParam(defaultValue = "") String identityProviderMfaValues, RedirectAttributes flash) {
        return Forms.change(flash, "/orgs/" + orgId + "/sso", "secondFactorPolicy.saved",
                () -> policies.setPolicy(actor, orgId, new SecondFactorPolicy(requiredFor, days(graceDays), trustIdentityProvider,
                        Arrays.stream(identityProviderMfaValues.split("\\s+")).filter(value -> !value.isBlank()).toList(), null)));
    }

    private static int days(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
