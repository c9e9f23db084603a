package org.opencps.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.UUID;
import org.opencps.access.AccessPolicy;
import org.opencps.access.AuditReach;
import org.opencps.access.Permission;
import org.opencps.audit.internal.CsvWriter;
import org.opencps.audit.internal.persistence.AuditLog;
import org.opencps.audit.internal.persistence.AuditQueries;
import org.opencps.audit.internal.persistence.RetentionStore;
import org.opencps.audit.internal.verification.ChainVerifier;
import org.opencps.platform.errors.InvalidInputException;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.platform.security.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit trail as the admins it concerns read it (PRODUCT.md §8): an organization's own
 * admins all of it, the provider above it only its own people's actions there. Asks the access
 * policy first.
 */
@Service
public class AuditTrail {

    public static final int MAX_PAGE_SIZE = 200;
    public static final int MIN_RETENTION_DAYS = 30;
    public static final int MAX_RETENTION_DAYS = 3650;

    private final AccessPolicy policy;
    private final AuditQueries queries;
    private final ChainVerifier verifier;
    private final RetentionStore retention;
    private final AuditLog log;

    AuditTrail(AccessPolicy policy, AuditQueries queries, ChainVerifier verifier, RetentionStore retention, AuditLog log) {
        this.policy = policy;
        this.queries = queries;
        this.verifier = verifier;
        this.retention = retention;
        this.log = log;
    }

    @Transactional(readOnly = true)
    public AuditPage search(Actor actor, OrgId org, AuditFilter filter, int page, int size) {
        AuditReach reach = checkReadable(actor, org, filter);
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidInputException("size", "problem.audit.page", "page must be 0 or more and size between 1 and "
                    + MAX_PAGE_SIZE, MAX_PAGE_SIZE);
        }
        List<AuditEntry> found = queries.find(org.value(), filter, actorsOnly(reach), page * size, size + 1);
        return new AuditPage(found.subList(0, Math.min(size, found.size())), page, size, found.size() > size);
    }

    /**
     * Every matching record, newest first, as CSV (RFC 4180); the export itself is recorded
     * (AUDIT_TRAIL_EXPORTED, with the filter and the number of records) after the rows it wrote.
     */
    @Transactional
    public void exportCsv(Actor actor, OrgId org, AuditFilter filter, Writer out) {
        AuditReach reach = checkReadable(actor, org, filter);
        var csv = new CsvWriter(out);
        long[] rows = {0};
        try {
            csv.row("seq", "occurred_at", "action", "outcome", "actor", "subject", "detail", "source_ip", "user_agent");
            queries.forEach(org.value(), filter, actorsOnly(reach), e -> {
                rows[0]++;
                csv.row(Long.toString(e.seq()), e.occurredAt().toString(), e.action(), e.outcome(),
                        e.actor() == null ? null : e.actor().toString(), e.subject(), e.detail(), e.sourceIp(), e.userAgent());
            });
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        log.recordNow(org, "AUDIT_TRAIL_EXPORTED", actor.userId(), org.toString(), "format: CSV; " + describe(filter)
                + "; records: " + rows[0]);
    }

    private static String describe(AuditFilter filter) {
        return "from: " + orAll(filter.from()) + "; to: " + orAll(filter.to()) + "; actor: " + orAll(filter.actor())
                + "; action: " + orAll(filter.action()) + "; outcome: " + orAll(filter.outcome());
    }

    private static String orAll(Object criterion) {
        return criterion == null ? "(all)" : criterion.toString();
    }

    /** Checks the organization's hash chain and names the first record that does not fit. */
    public ChainVerification verify(Actor actor, OrgId org) {
        policy.requireOwnAudit(actor, org);
        return verifier.verify(org.value());
    }

    public int retentionDays(Actor actor, OrgId org) {
        policy.requireOwnAudit(actor, org);
        return retention.retentionDays(org.value());
    }

    /** Sets how long the organization keeps its audit records; recorded with the before and after. */
    @Transactional
    public void setRetentionDays(Actor actor, OrgId org, int days) {
        policy.requireOwnAudit(actor, org);
        policy.require(actor, Permission.SETTINGS_MANAGE, org);
        if (days < MIN_RETENTION_DAYS || days > MAX_RETENTION_DAYS) {
            throw new InvalidInputException("retentionDays", "problem.audit.retention", "the audit retention must be between "
                    + MIN_RETENTION_DAYS + " and " + MAX_RETENTION_DAYS + " days", MIN_RETENTION_DAYS, MAX_RETENTION_DAYS);
        }
        int before = retention.retentionDays(org.value());
        retention.setRetentionDays(org.value(), days, actor.userId().value());
        log.recordNow(org, "AUDIT_RETENTION_CHANGED", actor.userId(), org.toString(),
                "from " + before + " to " + days + " days");
    }

    /**
     * Passes when the actor may read the organization's trail and the filter is well formed;
     * called before an export starts writing, so a refusal is still a clean error.
     */
    public AuditReach checkReadable(Actor actor, OrgId org, AuditFilter filter) {
        AuditReach reach = policy.requireReadAudit(actor, org);
        if (filter.outcome() != null && !filter.outcome().equals("SUCCESS") && !filter.outcome().equals("FAILURE")) {
            throw new InvalidInputException("outcome", "problem.audit.outcome", "the outcome is SUCCESS or FAILURE");
        }
        if (filter.action() != null && !filter.action().matches("[A-Z_]{1,60}")) {
            throw new InvalidInputException("action", "problem.audit.action",
                    "an action is written in capitals and underscores, such as LOGIN_FAILED");
        }
        if (filter.from() != null && filter.to() != null && !filter.from().isBefore(filter.to())) {
            throw new InvalidInputException("to", "problem.audit.period", "the end of the period must come after its start");
        }
        return reach;
    }

    private static List<UUID> actorsOnly(AuditReach reach) {
        return reach.whole() ? null : reach.actorsOnly().stream().map(UserId::value).toList();
    }
}
