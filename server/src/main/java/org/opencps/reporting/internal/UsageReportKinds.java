package org.opencps.reporting.internal;

import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.opencps.access.AccessPolicy;
import org.opencps.access.Permission;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.opencps.reporting.ExportFormat;
import org.opencps.reporting.UsageReportExports;
import org.opencps.reporting.UsageReportRequest;
import org.opencps.reporting.UsageReportRequest.Dimension;
import org.opencps.reporting.schedule.RenderedReport;
import org.opencps.reporting.schedule.ReportPeriod;
import org.opencps.reporting.schedule.ScheduledReportFamily;
import org.opencps.reporting.schedule.ScheduledReportKind;
import org.springframework.stereotype.Component;

/**
 * The usage reports as kinds of scheduled report ({@code USAGE_ORGANIZATION}, {@code USAGE_PERSON},
 * ...): the period's report as CSV and/or PDF, per day for a day or a week, per week for a month.
 * Rendered through {@link UsageReportExports} as the schedule's creator, so it shows exactly what
 * they may see, and nothing once they may not.
 */
@Component
class UsageReportKinds implements ScheduledReportFamily {

    private final List<ScheduledReportKind> kinds;

    UsageReportKinds(AccessPolicy policy, UsageReportExports exports) {
        this.kinds = Arrays.stream(Dimension.values()).map(by -> (ScheduledReportKind) new UsageKind(by, policy, exports)).toList();
    }

    @Override
    public List<ScheduledReportKind> kinds() {
        return kinds;
    }

    private static final class UsageKind implements ScheduledReportKind {

        /** Periods longer than this are reported per week, shorter ones per day. */
        private static final int DAILY_UP_TO_DAYS = 7;

        private final Dimension by;
        private final AccessPolicy policy;
        private final UsageReportExports exports;

        UsageKind(Dimension by, AccessPolicy policy, UsageReportExports exports) {
            this.by = by;
            this.policy = policy;
            this.exports = exports;
        }

        @Override
        public String id() {
            return "USAGE_" + by.name();
        }

        @Override
        public Set<ExportFormat> formats() {
            return Set.of(ExportFormat.CSV, ExportFormat.PDF);
        }

        @Override
        public void requireView(Actor actor, OrgId org) {
            policy.require(actor, Permission.REPORTS_VIEW, org);
        }

        @Override
        public RenderedReport render(Actor creator, OrgId org, ReportPeriod period, ZoneId zone, ExportFormat format,
                                     Locale locale) {
            long days = ChronoUnit.DAYS.between(period.start(), period.end());
            var per = days > DAILY_UP_TO_DAYS ? UsageReportRequest.Per.WEEK : UsageReportRequest.Per.DAY;
            var file = exports.export(creator, org, new UsageReportRequest(by, per, period.start(), period.lastDay(), null),
                    format, locale);
            String base = file.fileName().substring(0, file.fileName().length() - format.extension().length() - 1);
            return new RenderedReport(base, format, file.content());
        }
    }
}
