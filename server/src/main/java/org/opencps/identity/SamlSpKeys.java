package org.opencps.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.opencps.access.AccessPolicy;
import org.opencps.identity.internal.persistence.SamlProviderStore;
import org.opencps.identity.internal.persistence.SamlProviderStore.SamlRow;
import org.opencps.identity.internal.persistence.SpKeyRotationStore;
import org.opencps.identity.internal.persistence.SpKeyRotationStore.RotationRow;
import org.opencps.identity.internal.saml.SamlSettings;
import org.opencps.identity.internal.saml.SpKeys;
import org.opencps.platform.errors.ConflictException;
import org.opencps.platform.errors.InvalidInputException;
import org.opencps.platform.errors.NotFoundException;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rotating OpenCPS's own SAML key pair for an organization's provider (its customer admins, with a recent second
 * factor): a new pair is made and published in the SP metadata next to the old one for a transition period, in
 * which the old pair still signs (IdPs that have not loaded the new metadata keep accepting OpenCPS's requests) and
 * either pair decrypts. Then the old pair is retired, by the admin or when the transition ends: the new pair signs
 * and decrypts alone, and an assertion encrypted for the old one is refused.
 */
@Service
public class SamlSpKeys {

    public static final int DEFAULT_TRANSITION_DAYS = 14;
    public static final int MAX_TRANSITION_DAYS = 90;

    private final AccessPolicy policy;
    private final RecentSecondFactor stepUp;
    private final SamlProviderStore providers;
    private final SpKeyRotationStore rotations;
    private final SamlSettings settings;
    private final SamlProviders views;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SamlSpKeys(AccessPolicy policy, RecentSecondFactor stepUp, SamlProviderStore providers, SpKeyRotationStore rotations,
               SamlSettings settings, SamlProviders views, TransactionTemplate transaction, ApplicationEventPublisher events,
               Clock clock) {
        this.policy = policy;
        this.stepUp = stepUp;
        this.providers = providers;
        this.rotations = rotations;
        this.settings = settings;
        this.views = views;
        this.transaction = transaction;
        this.events = events;
        this.clock = clock;
    }

    /** Starts a rotation; {@code transitionDays} (1 to 90, default 14) until the old key pair retires by itself. */
    public SamlProvider rotate(Actor actor, OrgId org, Integer transitionDays) {
        policy.requireManageSignIn(actor, org);
        stepUp.require(actor.userId());
        int days = transitionDays == null ? DEFAULT_TRANSITION_DAYS : transitionDays;
        if (days < 1 || days > MAX_TRANSITION_DAYS) {
            throw new InvalidInputException("transitionDays", "problem.saml.transitionDays",
                    "the old key pair stays for 1 to " + MAX_TRANSITION_DAYS + " days", MAX_TRANSITION_DAYS);
        }
        SamlRow row = provider(org);
        Instant now = clock.instant();
        var made = SpKeys.generate(settings.entityId(row.id()), now);
        Instant retires = now.plus(Duration.ofDays(days));
        transaction.executeWithoutResult(status -> {
            if (rotations.find(row.id()).isPresent()) {
                if (settings.keys(row).inTransition()) {
                    throw inProgress();
                }
                // the last rotation's transition is over: its new pair becomes the one in use before the next starts
                rotations.retireOldKey(row.id());
            }
            if (!rotations.start(new RotationRow(row.id(), org, made.certificatePem(),
                    settings.sealKey(row, made.privateKeyBase64()), now, retires))) {
                throw inProgress();
            }
            events.publishEvent(new SingleSignOnChanged(org, actor.userId(),
                    "saml sp key rotated: new key published, old key retires at " + retires, now));
        });
        return views.samlProvider(actor, org).orElseThrow();
    }

    /** Retires the old key pair now: from then on only the new one signs and decrypts. */
    public SamlProvider retireOldKey(Actor actor, OrgId org) {
        policy.requireManageSignIn(actor, org);
        stepUp.require(actor.userId());
        SamlRow row = provider(org);
        transaction.executeWithoutResult(status -> {
            if (!rotations.retireOldKey(row.id())) {
                throw new ConflictException("rotation", "problem.saml.noRotation",
                        "no key rotation is in progress: there is no old key pair to retire");
            }
            events.publishEvent(new SingleSignOnChanged(org, actor.userId(), "saml sp key: old key retired", clock.instant()));
        });
        return views.samlProvider(actor, org).orElseThrow();
    }

    private static ConflictException inProgress() {
        return new ConflictException("transitionDays", "problem.saml.rotationInProgress",
                "a key rotation is in progress: retire the old key pair first");
    }

    private SamlRow provider(OrgId org) {
        return providers.find(org).orElseThrow(() -> new NotFoundException("saml provider"));
    }
}
