package org.opencps.printing;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.opencps.access.AccessPolicy;
import org.opencps.access.Permission;
import org.opencps.identity.Groups;
import org.opencps.platform.errors.InvalidInputException;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.opencps.printing.internal.persistence.QuotaStore;
import org.opencps.printing.internal.persistence.UsageStore;
import org.springframework.stereotype.Service;

/**
 * Printed pages: a person's own usage against their quotas, and an organization's summary for
 * those who see its reports. Usage is recorded by printing itself when a device reports a job
 * printed, in the transaction that completes the job.
 */
@Service
public class PrintUsage {

    /** The longest range a summary covers. */
    public static final int MAX_DAYS = 366;
    static final int RECENT = 20;
    static final int TOP = 10;

    private final AccessPolicy policy;
    private final QuotaStore quotas;
    private final UsageStore usage;
    private final Groups groups;
    private final Clock clock;

    PrintUsage(AccessPolicy policy, QuotaStore quotas, UsageStore usage, Groups groups, Clock clock) {
        this.policy = policy;
        this.quotas = quotas;
        this.usage = usage;
        this.groups = groups;
        this.clock = clock;
    }

    public MyUsage mine(Actor actor) {
        OrgId org = actor.requireOrganization();
        if (!policy.canViewUsageOf(actor, org, actor.userId())) {
            policy.require(actor, Permission.REPORTS_OWN_USAGE, org);
        }
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        int period = today.getYear() * 100 + today.getMonthValue();
        MyUsage.Quota own = quota(org, PrintQuota.Scope.USER, actor.userId().value(), null, period);
        List<MyUsage.Quota> pools = groups.groupsOf(org, actor.userId()).stream()
                .map(group -> quota(org, PrintQuota.Scope.GROUP, group.id(), group.name(), period)).toList();
        return new MyUsage(String.format("%d-%02d", today.getYear(), today.getMonthValue()), own, pools,
                usage.recentOf(org, actor.userId(), RECENT));
    }

    /** From and to are days (UTC), inclusive; missing ones mean the last 30 days up to today. */
    public UsageSummary summary(Actor actor, OrgId org, LocalDate from, LocalDate to) {
        policy.require(actor, Permission.REPORTS_VIEW, org);
        LocalDate last = to != null ? to : LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate first = from != null ? from : last.minusDays(29);
        if (first.isAfter(last)) {
            throw new InvalidInputException("from", "from must not be after to");
        }
        if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
            throw new InvalidInputException("to", "a summary covers at most " + MAX_DAYS + " days");
        }
        UsageStore.Totals t = usage.totals(org, first, last);
        Map<String, UsageStore.Pages> byDay = usage.perDay(org, first, last).stream()
                .collect(Collectors.toMap(UsageStore.Pages::key, Function.identity()));
        List<UsageSummary.Day> days = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            UsageStore.Pages pages = byDay.get(day.toString());
            days.add(new UsageSummary.Day(day, pages == null ? 0 : pages.colorPages(), pages == null ? 0 : pages.monochromePages()));
        }
        return new UsageSummary(first, last,
                new UsageSummary.Totals(t.jobs(), t.countedPages(), t.reportedPages(), t.reportedPages() - t.countedPages(),
                        t.colorPages(), t.monochromePages(), t.simplexPages(), t.duplexPages()),
                days, top(org, first, last, true), top(org, first, last, false));
    }

    private List<UsageSummary.Top> top(OrgId org, LocalDate from, LocalDate to, boolean byDevice) {
        return usage.top(org, from, to, byDevice, TOP).stream()
                .map(p -> new UsageSummary.Top(UUID.fromString(p.key()), p.total(), p.colorPages(), p.monochromePages()))
                .toList();
    }

    private MyUsage.Quota quota(OrgId org, PrintQuota.Scope scope, UUID id, String name, int period) {
        QuotaStore.Used used = quotas.used(org, new QuotaStore.Counter(scope, id, period));
        PrintQuota limits = quotas.find(org, scope, id).orElse(new PrintQuota(org, scope, id, null, null));
        return new MyUsage.Quota(scope, id, name, MyUsage.Allowance.of(used.color(), limits.colorPagesPerMonth()),
                MyUsage.Allowance.of(used.monochrome(), limits.monochromePagesPerMonth()));
    }
}
