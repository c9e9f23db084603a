package org.opencps.reporting.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.opencps.platform.ids.OrgId;
import org.opencps.reporting.internal.persistence.RefusalStore;
import org.opencps.reporting.internal.persistence.RollupLock;
import org.opencps.reporting.internal.persistence.RollupStore;
import org.opencps.reporting.internal.persistence.ScanUsageStore;
import org.opencps.reporting.internal.persistence.UsageStore;
import org.opencps.tenancy.OrganizationTimeZoneChanged;
import org.opencps.tenancy.Organizations;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * When an organization's time zone changes, its days begin at other instants: its roll-ups are
 * built again from its usage records (printed jobs, refusals, scans), month by month, in one
 * transaction that holds the organization's {@link RollupLock}. The recording of a job or a scan
 * takes the same lock: it commits before the rebuild reads the records (and is counted by the
 * rebuild) or adds to the rebuilt roll-ups after it; never both.
 */
@Component
class RollupRebuild {

    private final UsageStore usage;
    private final RefusalStore refusals;
    private final ScanUsageStore scans;
    private final RollupStore rollupStore;
    private final Rollups rollups;
    private final Organizations organizations;
    private final RollupLock lock;

    RollupRebuild(UsageStore usage, RefusalStore refusals, ScanUsageStore scans, RollupStore rollupStore, Rollups rollups,
                  Organizations organizations, RollupLock lock) {
        this.lock = lock;
        this.usage = usage;
        this.refusals = refusals;
        this.scans = scans;
        this.rollupStore = rollupStore;
        this.rollups = rollups;
        this.organizations = organizations;
    }

    @ApplicationModuleListener
    void on(OrganizationTimeZoneChanged e) {
        rebuild(e.orgId(), organizations.timeZone(e.orgId()));
    }

    void rebuild(OrgId org, ZoneId zone) {
        lock.lock(org);
        rollupStore.purge(org);
        Instant[] span = usage.printedSpan(org).orElse(new Instant[] {null, null});
        Instant[] scanned = scans.span(org);
        Instant first = earliest(earliest(span[0], refusals.firstOrLast(org, true)), scanned[0]);
        Instant last = latest(latest(span[1], refusals.firstOrLast(org, false)), scanned[1]);
        if (first == null) {
            return;
        }
        // month slices in UTC keep each read small; the zone only decides the day each row lands on
        Instant end = last.plus(1, ChronoUnit.SECONDS);
        LocalDate month = LocalDate.ofInstant(first, java.time.ZoneOffset.UTC).withDayOfMonth(1);
        for (Instant from = month.atStartOfDay(java.time.ZoneOffset.UTC).toInstant(); from.isBefore(end); ) {
            month = month.plusMonths(1);
            Instant to = month.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
            usage.printedBetween(org, from, to).forEach(printed -> rollups.add(printed, zone));
            refusals.between(org, from, to).forEach(refusal -> rollups.add(refusal, zone));
            scans.between(org, from, to).forEach(scan -> rollups.add(scan, zone));
            from = to;
        }
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }
}
