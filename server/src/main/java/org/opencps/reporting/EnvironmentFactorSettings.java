package org.opencps.reporting;

import org.opencps.access.AccessPolicy;
import org.opencps.access.Permission;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.opencps.reporting.internal.persistence.EnvironmentFactorStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The factors an organization's environmental figures are computed from: its own where an admin
 * set them, otherwise {@link EnvironmentFactors#DEFAULTS}. Who sees reports or settings reads
 * them; who manages settings sets them.
 */
@Service
public class EnvironmentFactorSettings {

    private final AccessPolicy policy;
    private final EnvironmentFactorStore store;

    EnvironmentFactorSettings(AccessPolicy policy, EnvironmentFactorStore store) {
        this.policy = policy;
        this.store = store;
    }

    public EnvironmentFactors get(Actor actor, OrgId org) {
        if (!policy.can(actor, Permission.REPORTS_VIEW, org)) {
            policy.require(actor, Permission.SETTINGS_VIEW, org);
        }
        return factorsOf(org);
    }

    @Transactional
    public EnvironmentFactors set(Actor actor, OrgId org, EnvironmentFactors factors) {
        policy.require(actor, Permission.SETTINGS_MANAGE, org);
        store.save(org, factors);
        return factors;
    }

    /** For figures in a report whose access was decided already. */
    EnvironmentFactors factorsOf(OrgId org) {
        return store.find(org).orElse(EnvironmentFactors.DEFAULTS);
    }
}
