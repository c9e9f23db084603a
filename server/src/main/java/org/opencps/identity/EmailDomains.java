package org.opencps.identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.opencps.access.AccessPolicy;
import org.opencps.identity.internal.persistence.DomainClaimStore;
import org.opencps.identity.internal.persistence.DomainClaimStore.ClaimRow;
import org.opencps.identity.internal.sso.DomainChecks;
import org.opencps.identity.internal.sso.DomainProof;
import org.opencps.identity.internal.sso.OidcSettingsRules;
import org.opencps.identity.internal.sso.SsoDomains;
import org.opencps.platform.errors.InvalidInputException;
import org.opencps.platform.errors.NotFoundException;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A customer organization's proof that it owns the e-mail domains its identity provider signs in. The organization's
 * customer admins claim a domain, publish the organization's TXT record in its DNS, and have it checked; a domain
 * another organization verified cannot be claimed. Checks run on demand here and at intervals
 * ({@link DomainChecks#recheckDue}).
 */
@Service
public class EmailDomains {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_CLAIMS = 50;

    private final AccessPolicy policy;
    private final DomainClaimStore claims;
    private final DomainChecks checks;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    EmailDomains(AccessPolicy policy, DomainClaimStore claims, DomainChecks checks, TransactionTemplate transaction,
                 ApplicationEventPublisher events, Clock clock) {
        this.policy = policy;
        this.claims = claims;
        this.checks = checks;
        this.transaction = transaction;
        this.events = events;
        this.clock = clock;
    }

    public EmailDomainProof domains(Actor actor, OrgId org) {
        policy.requireManageSignIn(actor, org);
        return new EmailDomainProof(DomainProof.recordValue(token(org)), DomainProof.LABEL,
                claims.claims(org).stream().map(EmailDomains::view).toList());
    }

    public EmailDomain claim(Actor actor, OrgId org, String typed) {
        policy.requireManageSignIn(actor, org);
        String domain = lower(typed);
        if (!OidcSettingsRules.isDomain(domain)) {
            throw new InvalidInputException("domain", "problem.sso.notADomain", "'" + domain + "' is not a domain name", domain);
        }
        token(org);
        Instant now = clock.instant();
        transaction.executeWithoutResult(status -> {
            if (claims.verifiedBy(domain).filter(owner -> !owner.equals(org)).isPresent()) {
                throw SsoDomains.domainTaken(domain);
            }
            if (claims.claim(org, domain).isEmpty() && claims.claims(org).size() >= MAX_CLAIMS) {
                throw new InvalidInputException("domain", "problem.sso.tooManyDomains",
                        "an organization claims at most " + MAX_CLAIMS + " e-mail domains", MAX_CLAIMS);
            }
            if (claims.insertClaim(org, domain, now)) {
                events.publishEvent(new EmailDomainChanged(org, actor.userId(), domain, "claimed", now));
            }
        });
        return view(claims.claim(org, domain).orElseThrow());
    }

    /** Looks at DNS now and records what it found (verified, missing, or another organization's). */
    public EmailDomain check(Actor actor, OrgId org, String domain) {
        policy.requireManageSignIn(actor, org);
        ClaimRow claim = claims.claim(org, lower(domain)).orElseThrow(() -> new NotFoundException("e-mail domain"));
        return view(checks.check(claim, token(org), actor.userId()));
    }

    /** Gives the domain up: its people no longer sign in through the organization's provider. */
    public void release(Actor actor, OrgId org, String domain) {
        policy.requireManageSignIn(actor, org);
        transaction.executeWithoutResult(status -> {
            if (!claims.deleteClaim(org, lower(domain))) {
                throw new NotFoundException("e-mail domain");
            }
            events.publishEvent(new EmailDomainChanged(org, actor.userId(), lower(domain), "released", clock.instant()));
        });
    }

    private static String lower(String domain) {
        return domain == null ? "" : domain.strip().toLowerCase(Locale.ROOT);
    }

    private String token(OrgId org) {
        return claims.token(org).orElseGet(() -> {
            byte[] bytes = new byte[20];
            RANDOM.nextBytes(bytes);
            try {
                claims.saveTokenIfNone(org, HexFormat.of().formatHex(bytes));
            } catch (DuplicateKeyException anotherProcessWasFirst) {
                // its token stands
            }
            return claims.token(org).orElseThrow();
        });
    }

    static EmailDomain view(ClaimRow row) {
        return new EmailDomain(row.domain(), row.verified(), row.claimedAt(), row.verifiedAt(), row.checkedAt(),
                row.lastResult() == null ? null : EmailDomain.Check.valueOf(row.lastResult()));
    }
}
