package org.opencps.reporting;

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
import org.opencps.platform.errors.InvalidInputException;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.opencps.printing.MyQuotas;
import org.opencps.printing.PrintQuotas;
import org.opencps.reporting.internal.ReportBuilder;
import org.opencps.reporting.internal.SubjectNames;
import org.opencps.reporting.internal.persistence.ScanUsageStore;
import org.opencps.reporting.internal.persistence.UsageStore;
import org.opencps.tenancy.Organizations;
import org.springframework.stereotype.Service;

/**
 * Printed pages: a person's own usage against their quotas, and an organization's summary for
 * those who see its reports. Usage is recorded from {@link org.opencps.printing.PrintJobCompleted}
 * after the completing transaction commits; until then a printed job is not in these figures yet.
 */
@Service
public class UsageReports {

    /** The longest range a summary covers. */
    public static final int MAX_DAYS = 366;
    static final int RECENT = 20;
    static final int TOP = 10;

    private final AccessPolicy policy;
    private final PrintQuotas quotas;
    private final UsageStore usage;
    private final ScanUsageStore scans;
    private final ReportBuilder builder;
    private final SubjectNames names;
    private final Organizations organizations;
    private final EnvironmentFactorSettings environment;
    private final Clock clock;

    UsageReports(AccessPolicy policy, PrintQuotas quotas, UsageStore usage, ScanUsageStore scans, ReportBuilder builder,
                 SubjectNames names, Organizations organizations, EnvironmentFactorSettings environment, Clock clock) {
        this.policy = policy;
        this.quotas = quotas;
        this.usage = usage;
        this.scans = scans;
        this.builder = builder;
        this.names = names;
        this.organizations = organizations;
        this.environment = environment;
        this.clock = clock;
    }

    /**
     * A usage report of the organization: for who sees its reports any report; for a person their
     * own usage only (by person, naming themselves as the subject).
     */
    public UsageReport report(Actor actor, OrgId org, UsageReportRequest request) {
        boolean own = request.by() == UsageReportRequest.Dimension.PERSON && org.equals(actor.orgId())
                && actor.userId().value().equals(request.subject());
        if (!own || !policy.canViewUsageOf(actor, org, actor.userId())) {
            policy.require(actor, own ? Permission.REPORTS_OWN_USAGE : Permission.REPORTS_VIEW, org);
        }
        String organizationName = organizations.get(actor, org).name();
        java.time.ZoneId zone = organizations.timeZone(org);
        request = request.completed(LocalDate.now(clock.withZone(zone)));
        ReportBuilder.Counted counted = builder.count(org, request);
        Map<UUID, String> subjectNames = names.of(actor, org, request.by(), organizationName);
        List<UsageReport.Subject> subjects = counted.subjects().stream()
                .map(row -> new UsageReport.Subject(row.id(), subjectNames.get(row.id()), row.total(), row.previousTotal(),
                        row.perPeriod()))
                .toList();
        UsageReportRequest previous = request.previous();
        return new UsageReport(org, organizationName, zone.getId(), request, previous.from(),
                previous.to(), counted.periods(), subjects, counted.total(), counted.totalPerPeriod(),
                counted.previousTotal(), EnvironmentalFigures.of(counted.total(), environment.factorsOf(org)),
                clock.instant());
    }

    public MyUsage mine(Actor actor) {
        OrgId org = actor.requireOrganization();
        if (!policy.canViewUsageOf(actor, org, actor.userId())) {
            policy.require(actor, Permission.REPORTS_OWN_USAGE, org);
        }
        MyQuotas mine = quotas.mine(actor);
        return new MyUsage(mine.month(), mine.own(), mine.groups(), usage.recentOf(org, actor.userId(), RECENT));
    }

    /** From and to are days (UTC), inclusive; missing ones mean the last 30 days up to today. */
    public UsageSummary summary(Actor actor, OrgId org, LocalDate from, LocalDate to) {
        policy.require(actor, Permission.REPORTS_VIEW, org);
        LocalDate last = to != null ? to : LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate first = from != null ? from : last.minusDays(29);
        if (first.isAfter(last)) {
            throw new InvalidInputException("from", "problem.report.fromAfterTo", "from must not be after to");
        }
        if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
            throw new InvalidInputException("to", "problem.report.tooLong", "a summary covers at most " + MAX_DAYS + " days", MAX_DAYS);
        }
        UsageStore.Totals t = usage.totals(org, first, last);
        Map<String, UsageStore.Pages> byDay = usage.perDay(org, first, last).stream()
                .collect(Collectors.toMap(UsageStore.Pages::key, Function.identity()));
        List<UsageSummary.Day> days = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            UsageStore.Pages pages = byDay.get(day.toString());
            days.add(new UsageSummary.Day(day, pages == null ? 0 : pages.colorPages(), pages == null ? 0 : pages.monochromePages()));
        }
        long scanned = scans.pagesBetween(org, first.atStartOfDay(ZoneOffset.UTC).toInstant(),
                last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        UsageFigures figures = new UsageFigures(t.jobs(), t.countedPages(), t.reportedPages(), t.colorPages(), t.monochromePages(),
                t.simplexPages(), t.duplexPages(), t.sheets(), scanned, 0, 0);
        return new UsageSummary(first, last,
                new UsageSummary.Totals(t.jobs(), t.countedPages(), t.reportedPages(), figures.pageDifference(),
                        t.colorPages(), t.monochromePages(), t.simplexPages(), t.duplexPages(), t.sheets(), scanned),
                days, top(org, first, last, true), top(org, first, last, false),
                EnvironmentalFigures.of(figures, environment.factorsOf(org)));
    }

    private List<UsageSummary.Top> top(OrgId org, LocalDate from, LocalDate to, boolean byDevice) {
        return usage.top(org, from, to, byDevice, TOP).stream()
                .map(p -> new UsageSummary.Top(UUID.fromString(p.key()), p.total(), p.colorPages(), p.monochromePages()))
                .toList();
    }
}
