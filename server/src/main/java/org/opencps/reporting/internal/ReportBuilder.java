package org.opencps.reporting.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;
import org.opencps.reporting.UsageFigures;
import org.opencps.reporting.UsageReport;
import org.opencps.reporting.UsageReportRequest;
import org.opencps.reporting.UsageReportRequest.Dimension;
import org.opencps.reporting.UsageReportRequest.Per;
import org.opencps.reporting.internal.persistence.RollupStore;
import org.springframework.stereotype.Component;

/**
 * Counts a usage report from the daily roll-up: the periods of the range, each subject's figures
 * per period, its total and its total in the previous period, and the organization's (or the one
 * subject's) totals. Access is decided by the face before.
 */
@Component
public class ReportBuilder {

    /** The figures without names, environment or time: the face adds those. */
    public record Counted(List<LocalDate> periods, List<Row> subjects, UsageFigures total, List<UsageFigures> totalPerPeriod,
                          UsageFigures previousTotal) {
    }

    public record Row(UUID id, UsageFigures total, UsageFigures previousTotal, List<UsageFigures> perPeriod) {
    }

    private final RollupStore rollups;

    ReportBuilder(RollupStore rollups) {
        this.rollups = rollups;
    }

    public Counted count(OrgId org, UsageReportRequest request) {
        List<LocalDate> periods = periods(request.per(), request.from(), request.to());
        UsageReportRequest previous = request.previous();
        List<RollupStore.Cell> now = rollups.sums(org, request.by(), request.subject(), periods, request.to());
        List<RollupStore.Cell> before = rollups.sums(org, request.by(), request.subject(), List.of(previous.from()), previous.to());

        Map<UUID, UsageFigures[]> perPeriod = new HashMap<>();
        Map<UUID, UsageFigures> previousTotals = new HashMap<>();
        Set<UUID> ids = new LinkedHashSet<>();
        for (RollupStore.Cell cell : now) {
            perPeriod.computeIfAbsent(cell.subject(), k -> zeros(periods.size()))[cell.bucket()] = cell.figures();
            ids.add(cell.subject());
        }
        for (RollupStore.Cell cell : before) {
            previousTotals.put(cell.subject(), cell.figures());
            ids.add(cell.subject());
        }
        List<Row> rows = new ArrayList<>();
        for (UUID id : ids) {
            List<UsageFigures> figures = List.of(perPeriod.getOrDefault(id, zeros(periods.size())));
            rows.add(new Row(id, figures.stream().reduce(UsageFigures.ZERO, UsageFigures::plus),
                    previousTotals.getOrDefault(id, UsageFigures.ZERO), figures));
        }
        rows.sort(Comparator.comparingLong((Row r) -> r.total().reportedPages()).reversed()
                .thenComparing(r -> r.previousTotal().reportedPages(), Comparator.reverseOrder())
                .thenComparing(Row::id));

        List<UsageFigures> totalPerPeriod;
        UsageFigures previousTotal;
        if (request.by() == Dimension.ORGANIZATION || request.subject() != null) {
            totalPerPeriod = rows.isEmpty() ? List.of(zeros(periods.size())) : rows.get(0).perPeriod();
            previousTotal = rows.isEmpty() ? UsageFigures.ZERO : rows.get(0).previousTotal();
        } else {
            UsageFigures[] org0 = zeros(periods.size());
            rollups.sums(org, Dimension.ORGANIZATION, null, periods, request.to())
                    .forEach(cell -> org0[cell.bucket()] = cell.figures());
            totalPerPeriod = List.of(org0);
            previousTotal = rollups.sums(org, Dimension.ORGANIZATION, null, List.of(previous.from()), previous.to()).stream()
                    .map(RollupStore.Cell::figures).findFirst().orElse(UsageFigures.ZERO);
        }
        UsageFigures total = totalPerPeriod.stream().reduce(UsageFigures.ZERO, UsageFigures::plus);
        return new Counted(periods, Collections.unmodifiableList(rows), total, totalPerPeriod, previousTotal);
    }

    /** The first day of each period in the range; the first period starts at {@code from}. */
    static List<LocalDate> periods(Per per, LocalDate from, LocalDate to) {
        List<LocalDate> starts = new ArrayList<>();
        starts.add(from);
        LocalDate next = switch (per) {
            case DAY -> from.plusDays(1);
            case WEEK -> from.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
            case MONTH -> from.withDayOfMonth(1).plusMonths(1);
        };
        while (!next.isAfter(to)) {
            starts.add(next);
            next = switch (per) {
                case DAY -> next.plusDays(1);
                case WEEK -> next.plusWeeks(1);
                case MONTH -> next.plusMonths(1);
            };
        }
        return starts;
    }

    private static UsageFigures[] zeros(int n) {
        UsageFigures[] figures = new UsageFigures[n];
        java.util.Arrays.fill(figures, UsageFigures.ZERO);
        return figures;
    }
}
