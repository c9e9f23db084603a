package org.opencps.reporting;

import java.time.Clock;
import java.util.function.Supplier;
import org.opencps.access.AccessPolicy;
import org.opencps.access.Permission;
import org.opencps.platform.changes.SettingChanged;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.opencps.reporting.internal.persistence.EnvironmentFactorStore;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The factors an organization's environmental figures are computed from: its own where an admin
 * set them, otherwise {@link EnvironmentFactors#DEFAULTS}. Who sees reports or settings reads
 * them; who manages settings sets them or resets them to the defaults, each change audited with
 * the factors in force before and after it.
 */
@Service
public class EnvironmentFactorSettings {

    /** What a form shows: the factors in force, the defaults beside them, and whether the organization set its own. */
    public record View(EnvironmentFactors factors, EnvironmentFactors defaults, boolean own) {
    }

    private final AccessPolicy policy;
    private final EnvironmentFactorStore store;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    EnvironmentFactorSettings(AccessPolicy policy, EnvironmentFactorStore store, ApplicationEventPublisher events, Clock clock) {
        this.policy = policy;
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    public EnvironmentFactors get(Actor actor, OrgId org) {
        return view(actor, org).factors();
    }

    public View view(Actor actor, OrgId org) {
        if (!policy.can(actor, Permission.REPORTS_VIEW, org)) {
            policy.require(actor, Permission.SETTINGS_VIEW, org);
        }
        var own = store.find(org);
        return new View(own.orElse(EnvironmentFactors.DEFAULTS), EnvironmentFactors.DEFAULTS, own.isPresent());
    }

    /**
     * Sets the organization's own factors. They are read (and so checked) only once the actor may set
     * them: a refusal of access says nothing about the input, and wrong input from someone who may not
     * set them is refused for access, not for the input.
     */
    @Transactional
    public EnvironmentFactors set(Actor actor, OrgId org, Supplier<EnvironmentFactors> given) {
        policy.require(actor, Permission.SETTINGS_MANAGE, org);
        EnvironmentFactors factors = given.get();
        EnvironmentFactors before = factorsOf(org);
        store.save(org, factors);
        changed(actor, org, "ENVIRONMENT_FACTORS_CHANGED", before, factors);
        return factors;
    }

    /** Forgets the organization's own factors: the defaults apply again (also when they change in a later release). */
    @Transactional
    public EnvironmentFactors reset(Actor actor, OrgId org) {
        policy.require(actor, Permission.SETTINGS_MANAGE, org);
        EnvironmentFactors before = factorsOf(org);
        store.delete(org);
        changed(actor, org, "ENVIRONMENT_FACTORS_RESET", before, EnvironmentFactors.DEFAULTS);
        return EnvironmentFactors.DEFAULTS;
    }

    /** For figures in a report whose access was decided already. */
    EnvironmentFactors factorsOf(OrgId org) {
        return store.find(org).orElse(EnvironmentFactors.DEFAULTS);
    }

    private void changed(Actor actor, OrgId org, String auditType, EnvironmentFactors before, EnvironmentFactors after) {
        events.publishEvent(new SettingChanged(org, actor.userId(), auditType, before.asText(), after.asText(), clock.instant()));
    }
}
