package org.opencps.identity.internal.sso;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.opencps.identity.EmailDomain.Check;
import org.opencps.identity.EmailDomainChanged;
import org.opencps.identity.internal.persistence.DomainClaimStore;
import org.opencps.identity.internal.persistence.DomainClaimStore.ClaimRow;
import org.opencps.platform.ids.UserId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checks a domain claim against DNS and records the result. A claim becomes verified when the organization's record is
 * there and no other organization verified the domain first. A verified claim whose record has gone keeps its state
 * for a grace period ({@code opencps.sso.domain-grace}, 3 days by default: a DNS change gone wrong should not lock a
 * whole organization out at once) and loses it at the first check after; a DNS that does not answer changes nothing.
 */
@Component
public class DomainChecks {

    private final DomainProof proof;
    private final DomainClaimStore claims;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration grace;

    DomainChecks(DomainProof proof, DomainClaimStore claims, TransactionTemplate transaction, ApplicationEventPublisher events,
                 Clock clock, @Value("${opencps.sso.domain-grace:3d}") Duration grace) {
        this.proof = proof;
        this.claims = claims;
        this.transaction = transaction;
        this.events = events;
        this.clock = clock;
        this.grace = grace;
    }

    /**
     * Checks one claim and records the outcome; {@code checkedBy} is the admin who asked, null for a scheduled check
     * (which records a change only when the verification is gained or lost).
     *
     * @return the claim as it is now
     */
    public ClaimRow check(ClaimRow claim, String token, UserId checkedBy) {
        var org = claim.orgId();
        String domain = claim.domain();
        DomainProof.Result found = token == null ? DomainProof.Result.RECORD_MISSING : proof.check(domain, token);
        Instant now = clock.instant();
        try {
            transaction.executeWithoutResult(status -> record(claim, found, checkedBy, now));
        } catch (DuplicateKeyException anotherOrganizationWasFirst) {
            transaction.executeWithoutResult(status -> taken(claim, checkedBy, now));
        }
        return claims.claim(org, domain).orElse(claim);
    }

    private void record(ClaimRow claim, DomainProof.Result found, UserId checkedBy, Instant now) {
        var org = claim.orgId();
        String domain = claim.domain();
        switch (found) {
            case VERIFIED -> {
                if (claims.verifiedBy(domain).filter(owner -> !owner.equals(org)).isPresent()) {
                    taken(claim, checkedBy, now);
                    return;
                }
                claims.markVerified(org, domain, now);
                if (!claim.verified() || checkedBy != null) {
                    publish(claim, checkedBy, claim.verified() ? "checked: still verified" : "verified", now);
                }
            }
            case RECORD_MISSING -> {
                Instant missingSince = claim.verified() && claim.missingSince() != null ? claim.missingSince() : now;
                if (claim.verified() && !now.isBefore(missingSince.plus(grace))) {
                    claims.markUnverified(org, domain, Check.RECORD_MISSING.name(), now);
                    publish(claim, checkedBy, "verification lost: the record is missing since " + missingSince, now);
                } else {
                    claims.markChecked(org, domain, Check.RECORD_MISSING.name(), claim.verified() ? missingSince : null, now);
                    if (checkedBy != null) {
                        publish(claim, checkedBy, "checked: record missing", now);
                    }
                }
            }
            case DNS_FAILED -> {
                claims.markChecked(org, domain, Check.DNS_FAILED.name(), claim.missingSince(), now);
                if (checkedBy != null) {
                    publish(claim, checkedBy, "checked: no DNS answer", now);
                }
            }
        }
    }

    private void taken(ClaimRow claim, UserId checkedBy, Instant now) {
        claims.markChecked(claim.orgId(), claim.domain(), Check.TAKEN.name(), null, now);
        if (checkedBy != null) {
            publish(claim, checkedBy, "checked: verified by another organization", now);
        }
    }

    private void publish(ClaimRow claim, UserId by, String change, Instant now) {
        events.publishEvent(new EmailDomainChanged(claim.orgId(), by, claim.domain(), change, now));
    }
}
