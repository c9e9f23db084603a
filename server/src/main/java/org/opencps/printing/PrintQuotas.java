package org.opencps.printing;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.opencps.access.AccessPolicy;
import org.opencps.access.Permission;
import org.opencps.identity.Groups;
import org.opencps.identity.Users;
import org.opencps.platform.errors.InvalidInputException;
import org.opencps.platform.errors.NotFoundException;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.platform.security.Actor;
import org.opencps.printing.internal.persistence.QuotaStore;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Monthly page quotas of users and groups, for print managers and customer admins
 * (QUOTAS_MANAGE). Months are calendar months in UTC; a group's quota is one pool its members
 * share. Quotas are enforced at release ({@link PrintReleases}): the charge is a direct call in the
 * release's transaction, not an event, so a job is never released without it.
 */
@Service
public class PrintQuotas {

    private final AccessPolicy policy;
    private final QuotaStore quotas;
    private final Users users;
    private final Groups groups;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PrintQuotas(AccessPolicy policy, QuotaStore quotas, Users users, Groups groups, ApplicationEventPublisher events,
                Clock clock) {
        this.policy = policy;
        this.quotas = quotas;
        this.users = users;
        this.groups = groups;
        this.events = events;
        this.clock = clock;
    }

    /** The caller's own quota and each group pool they share, this month (UTC). */
    public MyQuotas mine(Actor actor) {
        OrgId org = actor.requireOrganization();
        if (!policy.canViewUsageOf(actor, org, actor.userId())) {
            policy.require(actor, Permission.REPORTS_OWN_USAGE, org);
        }
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        int period = today.getYear() * 100 + today.getMonthValue();
        MyQuotas.Quota own = quota(org, PrintQuota.Scope.USER, actor.userId().value(), null, period);
        List<MyQuotas.Quota> pools = groups.groupsOf(org, actor.userId()).stream()
                .map(group -> quota(org, PrintQuota.Scope.GROUP, group.id(), group.name(), period)).toList();
        return new MyQuotas(String.format("%d-%02d", today.getYear(), today.getMonthValue()), own, pools);
    }

    /** The organization's quotas: users first, then groups (of members and groups that still exist). */
    public List<PrintQuota> list(Actor actor, OrgId org) {
        policy.require(actor, Permission.QUOTAS_MANAGE, org);
        return quotas.list(org).stream().filter(quota -> exists(org, quota.scope(), quota.id())).toList();
    }

    /** The quota of a member or group of the organization (both limits null when none is set). */
    public PrintQuota get(Actor actor, OrgId org, PrintQuota.Scope scope, UUID id) {
        policy.require(actor, Permission.QUOTAS_MANAGE, org);
        requireExists(org, scope, id);
        return quotas.find(org, scope, id).orElse(new PrintQuota(org, scope, id, null, null));
    }

    /** Sets the monthly limits (null = unlimited; both null removes the quota). */
    @Transactional
    public PrintQuota set(Actor actor, OrgId org, PrintQuota.Scope scope, UUID id, Integer colorPagesPerMonth,
                          Integer monochromePagesPerMonth) {
        policy.require(actor, Permission.QUOTAS_MANAGE, org);
        requireExists(org, scope, id);
        check("colorPagesPerMonth", colorPagesPerMonth);
        check("monochromePagesPerMonth", monochromePagesPerMonth);
        var quota = new PrintQuota(org, scope, id, colorPagesPerMonth, monochromePagesPerMonth);
        PrintQuota before = quotas.find(org, scope, id).orElse(new PrintQuota(org, scope, id, null, null));
        quotas.save(quota);
        events.publishEvent(new PrintQuotaChanged(org, before, quota, actor.userId(), clock.instant()));
        return quota;
    }

    private MyQuotas.Quota quota(OrgId org, PrintQuota.Scope scope, UUID id, String name, int period) {
        QuotaStore.Used used = quotas.used(org, new QuotaStore.Counter(scope, id, period));
        PrintQuota limits = quotas.find(org, scope, id).orElse(new PrintQuota(org, scope, id, null, null));
        return new MyQuotas.Quota(scope, id, name, MyQuotas.Allowance.of(used.color(), limits.colorPagesPerMonth()),
                MyQuotas.Allowance.of(used.monochrome(), limits.monochromePagesPerMonth()));
    }

    private void requireExists(OrgId org, PrintQuota.Scope scope, UUID id) {
        if (!exists(org, scope, id)) {
            throw new NotFoundException(scope == PrintQuota.Scope.USER ? "user" : "group");
        }
    }

    private boolean exists(OrgId org, PrintQuota.Scope scope, UUID id) {
        return scope == PrintQuota.Scope.USER ? users.isMember(org, new UserId(id)) : groups.find(org, id).isPresent();
    }

    private static void check(String field, Integer pages) {
        if (pages != null && (pages < 0 || pages > PrintQuota.MAX_PAGES_PER_MONTH)) {
            throw new InvalidInputException(field, "problem.quota.range", field + " must be between 0 and " + PrintQuota.MAX_PAGES_PER_MONTH
                    + ", or null for no limit", PrintQuota.MAX_PAGES_PER_MONTH);
        }
    }
}
