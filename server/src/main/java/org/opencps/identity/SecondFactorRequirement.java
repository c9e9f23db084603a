package org.opencps.identity;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.opencps.access.AccessPolicy;
import org.opencps.access.Permission;
import org.opencps.identity.SecondFactorPolicy.RequiredFor;
import org.opencps.identity.internal.persistence.SecondFactorPolicyStore;
import org.opencps.identity.internal.persistence.SecondFactorPolicyStore.PolicyRow;
import org.opencps.platform.ids.UserId;
import org.opencps.platform.security.Actor;
import org.springframework.stereotype.Component;

/**
 * Whether a person must have a second factor, by the organizations they belong to: the strictest applies, that
 * is the earliest end of a grace period among the organizations that require one of them. An administrator is a
 * member holding user, role or settings management there (fixed or custom role). Also whether a sign-in through an
 * organization's identity provider counts as the second factor.
 */
@Component
public class SecondFactorRequirement {

    private static final Set<Permission> ADMINISTERING = EnumSet.of(Permission.USERS_MANAGE, Permission.ROLES_MANAGE,
            Permission.SETTINGS_MANAGE);

    /** RFC 8176 authentication methods that are, or include, a factor beyond a password. */
    private static final Set<String> MULTI_FACTOR_METHODS = Set.of("mfa", "mca", "otp", "hwk", "sc", "fpt", "face", "iris", "retina");

    private final SecondFactorPolicyStore store;
    private final AccessPolicy access;

    SecondFactorRequirement(SecondFactorPolicyStore store, AccessPolicy access) {
        this.store = store;
        this.access = access;
    }

    /** When the person must have enrolled a second factor by; empty when none of their organizations requires it. */
    public Optional<Instant> enrolBy(UserId user) {
        return store.requiringOrganizationsOf(user).stream()
                .filter(row -> appliesTo(row, user))
                .map(SecondFactorPolicies::enrolBy)
                .min(Instant::compareTo);
    }

    /** Whether the grace period is over for the person: without a second factor they get no session. */
    public boolean overdue(UserId user, Instant now) {
        return enrolBy(user).map(deadline -> !now.isBefore(deadline)).orElse(false);
    }

    /**
     * Whether this sign-in through the organization's identity provider counts as the person's second factor: the
     * organization trusts its provider's check, and the provider reported one (an {@code amr} method that is a
     * second factor, or an {@code acr} / AuthnContextClassRef the organization listed).
     */
    public boolean trustsProviderCheck(SsoAssertion assertion) {
        var policy = store.find(assertion.orgId()).filter(PolicyRow::trustIdp).orElse(null);
        if (policy == null) {
            return false;
        }
        var listed = SecondFactorPolicies.values(policy);
        return assertion.methods().stream().anyMatch(MULTI_FACTOR_METHODS::contains)
                || assertion.contextClasses().stream().anyMatch(listed::contains);
    }

    private boolean appliesTo(PolicyRow row, UserId user) {
        if (RequiredFor.valueOf(row.requiredFor()) == RequiredFor.EVERYONE) {
            return true;
        }
        var held = access.permissions(new Actor(user, row.orgId()), row.orgId());
        return held.stream().anyMatch(ADMINISTERING::contains);
    }
}
