package org.opencps.audit;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import org.opencps.access.AccessPolicy;
import org.opencps.audit.internal.Changes;
import org.opencps.audit.internal.persistence.AuditLog;
import org.opencps.audit.internal.persistence.OrganizationSiemStore;
import org.opencps.audit.internal.siem.SiemAddresses;
import org.opencps.audit.internal.siem.TrustedCertificates;
import org.opencps.platform.errors.InvalidInputException;
import org.opencps.platform.errors.NotFoundException;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.opencps.platform.security.StepUp;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An organization's own SIEM, to which its audit records (only its own) are forwarded besides the deployment's SIEM.
 * Its own admins read it; its own admins who manage its settings set or remove it, after a recent check of their second
 * factor, and each change is recorded with its before and after. The provider above never sets a customer's target.
 */
@Service
public class OrganizationSiem {

    private final AccessPolicy policy;
    private final StepUp stepUp;
    private final OrganizationSiemStore store;
    private final SiemAddresses addresses;
    private final AuditLog log;
    private final Clock clock;

    OrganizationSiem(AccessPolicy policy, StepUp stepUp, OrganizationSiemStore store, SiemAddresses addresses, AuditLog log,
                     Clock clock) {
        this.policy = policy;
        this.stepUp = stepUp;
        this.store = store;
        this.addresses = addresses;
        this.log = log;
        this.clock = clock;
    }

    /** What the record of a change shows of a target (public: the record's before and after are read by its accessors). */
    public record Described(String host, int port, String format, java.util.List<String> trustedCertificates) {
    }

    @Transactional(readOnly = true)
    public Optional<OrganizationSiemTarget> target(Actor actor, OrgId org) {
        policy.requireOwnAudit(actor, org);
        return store.find(org.value()).map(row -> new OrganizationSiemTarget(row.host(), row.port(), row.format(),
                TrustedCertificates.parse("trustedCertificates", row.trustedCertificates()).descriptions(),
                row.trustedCertificates(), row.changedAt(),
                row.lastDeliveredAt(), row.lastError(), row.lastErrorAt(), row.nextAttemptAt()));
    }

    @Transactional
    public OrganizationSiemTarget set(Actor actor, OrgId org, OrganizationSiemSettings settings) {
        policy.requireManageOwnSiem(actor, org);
        stepUp.require(actor.userId());
        String host = settings.host() == null ? null : settings.host().strip();
        if (settings.port() == null || settings.port() < 1 || settings.port() > 65535) {
            throw new InvalidInputException("port", "problem.siem.port", "the port is a number from 1 to 65535");
        }
        String format = settings.format() == null ? "" : settings.format().strip().toUpperCase(Locale.ROOT);
        if (!format.equals("CEF") && !format.equals("LEEF")) {
            throw new InvalidInputException("format", "problem.siem.format", "the format is CEF or LEEF");
        }
        addresses.requireAllowedHost("host", host);
        var certificates = TrustedCertificates.parse("trustedCertificates", settings.trustedCertificates());
        Described before = store.find(org.value()).map(OrganizationSiem::described).orElse(null);
        store.save(org.value(), host, settings.port(), format, certificates.pem(), actor.userId().value(), clock.instant());
        Described after = new Described(host, settings.port(), format, certificates.descriptions());
        log.recordNow(org, "SIEM_TARGET_CHANGED", actor.userId(), org.toString(), Changes.between(before, after));
        return target(actor, org).orElseThrow();
    }

    @Transactional
    public void remove(Actor actor, OrgId org) {
        policy.requireManageOwnSiem(actor, org);
        stepUp.require(actor.userId());
        Described before = store.find(org.value()).map(OrganizationSiem::described)
                .orElseThrow(() -> new NotFoundException("SIEM target"));
        store.delete(org.value());
        log.recordNow(org, "SIEM_TARGET_REMOVED", actor.userId(), org.toString(), "removed " + before);
    }

    private static Described described(OrganizationSiemStore.Row row) {
        return new Described(row.host(), row.port(), row.format(),
                TrustedCertificates.parse("trustedCertificates", row.trustedCertificates()).descriptions());
    }
}
