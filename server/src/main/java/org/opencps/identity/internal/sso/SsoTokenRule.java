package org.opencps.identity.internal.sso;

import java.time.Duration;
import java.time.Instant;
import org.opencps.identity.internal.persistence.SsoStore;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.springframework.stereotype.Component;

/**
 * Without provisioning from the identity provider, OpenCPS learns that a person left only when they stop signing
 * in: in an SSO-only organization that sets a number of days, a person's API tokens stop working once their last
 * sign-in through the provider is older than that (they work again after the next sign-in).
 */
@Component
public class SsoTokenRule {

    private final SsoStore store;

    SsoTokenRule(SsoStore store) {
        this.store = store;
    }

    public boolean allowsToken(OrgId org, UserId user, Instant now) {
        var policy = store.policy(org).orElse(null);
        if (policy == null || !policy.ssoOnly() || policy.tokenDaysAfterSso() == null) {
            return true;
        }
        return store.lastSignIn(org, user)
                .map(last -> now.isBefore(last.plus(Duration.ofDays(policy.tokenDaysAfterSso()))))
                .orElse(false);
    }
}
