package org.opencps.identity.internal.scim;

import org.opencps.identity.internal.persistence.ScimStore;
import org.opencps.identity.internal.persistence.SsoStore;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.springframework.stereotype.Component;

/**
 * How SCIM users meet single sign-on. An account that the organization's provisioning created (and nothing else) is
 * bound to the first identity its provider signs in with that address: provisioning comes before the first sign-in,
 * and the account was the organization's to begin with. A deactivated SCIM user is not signed in (a sign-in would
 * otherwise make them a member again).
 */
@Component
public class ScimSignInRule {

    private final ScimStore store;
    private final SsoStore sso;

    ScimSignInRule(ScimStore store, SsoStore sso) {
        this.store = store;
        this.sso = sso;
    }

    public boolean mayBindProvisionedAccount(OrgId org, UserId account) {
        return store.user(org, account).filter(row -> row.provisioned() && row.active()).isPresent()
                && sso.lastSignIn(org, account).isEmpty();
    }

    public boolean deactivated(OrgId org, UserId user) {
        return store.user(org, user).map(row -> !row.active()).orElse(false);
    }
}
