package org.opencps.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.opencps.access.AccessPolicy;
import org.opencps.identity.SecondFactorPolicy.RequiredFor;
import org.opencps.identity.internal.persistence.SecondFactorPolicyStore;
import org.opencps.identity.internal.persistence.SecondFactorPolicyStore.PolicyRow;
import org.opencps.platform.errors.InvalidInputException;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A customer organization's second-factor requirement ({@link SecondFactorPolicy}), seen and changed by its customer
 * admins only ({@link AccessPolicy#requireManageSignIn}), after a recent check of their own second factor (step-up);
 * each change is published with its before and after for the audit trail. The grace period counts from the moment
 * the requirement began or reached more people (off to administrators, administrators to everyone).
 */
@Service
public class SecondFactorPolicies {

    static final int MAX_GRACE_DAYS = 90;
    private static final int MAX_VALUES = 10;
    private static final int MAX_VALUE_LENGTH = 200;

    private final AccessPolicy access;
    private final SecondFactorPolicyStore store;
    private final RecentSecondFactor stepUp;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SecondFactorPolicies(AccessPolicy access, SecondFactorPolicyStore store, RecentSecondFactor stepUp, TransactionTemplate transaction,
                         ApplicationEventPublisher events, Clock clock) {
        this.access = access;
        this.store = store;
        this.stepUp = stepUp;
        this.transaction = transaction;
        this.events = events;
        this.clock = clock;
    }

    public SecondFactorPolicy policy(Actor actor, OrgId org) {
        access.requireManageSignIn(actor, org);
        return store.find(org).map(SecondFactorPolicies::view).orElse(SecondFactorPolicy.NOT_REQUIRED);
    }

    public SecondFactorPolicy setPolicy(Actor actor, OrgId org, SecondFactorPolicy wanted) {
        access.requireManageSignIn(actor, org);
        stepUp.require(actor.userId());
        if (wanted.graceDays() < 0 || wanted.graceDays() > MAX_GRACE_DAYS) {
            throw new InvalidInputException("graceDays", "problem.secondFactorPolicy.graceDays",
                    "the grace period is 0 to " + MAX_GRACE_DAYS + " days", MAX_GRACE_DAYS);
        }
        List<String> values = wanted.identityProviderMfaValues().stream().map(String::strip).filter(value -> !value.isEmpty())
                .distinct().toList();
        if (values.size() > MAX_VALUES || values.stream().anyMatch(value -> value.length() > MAX_VALUE_LENGTH
                || value.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c)))) {
            throw new InvalidInputException("identityProviderMfaValues", "problem.secondFactorPolicy.idpValues",
                    "list at most " + MAX_VALUES + " acr or AuthnContextClassRef values, each without spaces and at most "
                            + MAX_VALUE_LENGTH + " characters", MAX_VALUES, MAX_VALUE_LENGTH);
        }
        Instant now = clock.instant();
        return transaction.execute(status -> {
            var before = store.find(org).orElse(null);
            RequiredFor was = before == null ? RequiredFor.OFF : RequiredFor.valueOf(before.requiredFor());
            Instant since = wanted.requiredFor() == RequiredFor.OFF ? null
                    : wanted.requiredFor().compareTo(was) > 0 ? now : before.requiredSince();
            var row = new PolicyRow(org, wanted.requiredFor().name(), wanted.graceDays(), since, wanted.trustIdentityProvider(),
                    String.join(" ", values));
            store.save(row, now);
            var after = view(row);
            events.publishEvent(new SecondFactorPolicyChanged(org, actor.userId(),
                    before == null ? SecondFactorPolicy.NOT_REQUIRED : view(before), after, now));
            return after;
        });
    }

    static SecondFactorPolicy view(PolicyRow row) {
        return new SecondFactorPolicy(RequiredFor.valueOf(row.requiredFor()), row.graceDays(), row.trustIdp(), values(row),
                enrolBy(row));
    }

    static List<String> values(PolicyRow row) {
        return row.idpMfaValues().isBlank() ? List.of() : List.of(row.idpMfaValues().split(" "));
    }

    /** When people without a second factor stop getting a session: the end of the grace period; null when nothing is required. */
    static Instant enrolBy(PolicyRow row) {
        return row.requiredSince() == null ? null : row.requiredSince().plus(java.time.Duration.ofDays(row.graceDays()));
    }
}
