package org.opencps.reporting.schedule.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.opencps.reporting.schedule.ScheduledReportFamily;
import org.opencps.reporting.schedule.ScheduledReportKind;
import org.springframework.stereotype.Component;

/**
 * Every kind of report that can be scheduled (each a bean implementing {@link ScheduledReportKind},
 * or one of a {@link ScheduledReportFamily} bean's), by id.
 */
@Component
public class ReportKinds {

    private final Map<String, ScheduledReportKind> byId;

    ReportKinds(List<ScheduledReportKind> kinds, List<ScheduledReportFamily> families) {
        this.byId = Stream.concat(kinds.stream(), families.stream().flatMap(family -> family.kinds().stream()))
                .collect(Collectors.toUnmodifiableMap(ScheduledReportKind::id, Function.identity()));
    }

    public Optional<ScheduledReportKind> find(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    public List<String> ids() {
        return byId.keySet().stream().sorted().toList();
    }
}
