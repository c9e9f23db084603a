package org.opencps.reporting.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;
import org.opencps.printing.PrintReleaseRefused;
import org.opencps.reporting.UsageFigures;
import org.opencps.reporting.UsageRecord;
import org.opencps.reporting.UsageReportRequest.Dimension;
import org.opencps.reporting.internal.persistence.RefusalStore;
import org.opencps.reporting.internal.persistence.RollupStore;
import org.opencps.reporting.internal.persistence.ScanUsageStore;
import org.opencps.reporting.internal.persistence.UsageStore;
import org.springframework.stereotype.Component;

/**
 * What one printed job, refused release or scan adds to the roll-up: the same figures to its
 * organization, person, device, each group the person was in and the device's group, on its day
 * in the organization's time zone.
 */
@Component
class Rollups {

    private final RollupStore rollups;

    Rollups(RollupStore rollups) {
        this.rollups = rollups;
    }

    /** Sheets of paper: one per page one-sided; two-sided, half the pages rounded up. */
    static int sheets(int reportedPages, boolean duplex) {
        return duplex ? (reportedPages + 1) / 2 : reportedPages;
    }

    void add(UsageStore.Printed printed, ZoneId zone) {
        UsageRecord u = printed.usage();
        long pages = u.reportedPages();
        UsageFigures f = new UsageFigures(1, u.countedPages(), pages, u.colorPages(), u.monochromePages(),
                u.duplex() ? 0 : pages, u.duplex() ? pages : 0, printed.sheets(), 0, 0, 0);
        addToEach(u.orgId(), u.printedAt(), zone, u.userId().value(), u.device().value(), printed.deviceGroup(),
                printed.groups(), f);
    }

    void add(RefusalStore.Refusal r, ZoneId zone) {
        boolean quota = r.reason() == PrintReleaseRefused.Reason.OVER_QUOTA;
        UsageFigures f = new UsageFigures(0, 0, 0, 0, 0, 0, 0, 0, 0, quota ? 1 : 0, quota ? 0 : 1);
        addToEach(r.org(), r.at(), zone, r.user(), r.device(), r.deviceGroup(), r.groups(), f);
    }

    void add(ScanUsageStore.Scanned s, ZoneId zone) {
        UsageFigures f = new UsageFigures(0, 0, 0, 0, 0, 0, 0, 0, s.pages(), 0, 0);
        addToEach(s.org(), s.at(), zone, s.user(), s.device(), s.deviceGroup(), s.groups(), f);
    }

    private void addToEach(OrgId org, Instant at, ZoneId zone, UUID person, UUID device, UUID deviceGroup, List<UUID> groups,
                           UsageFigures f) {
        LocalDate day = LocalDate.ofInstant(at, zone);
        List<Object[]> targets = new ArrayList<>();
        targets.add(new Object[] {Dimension.ORGANIZATION, org.value()});
        targets.add(new Object[] {Dimension.PERSON, person});
        targets.add(new Object[] {Dimension.DEVICE, device});
        groups.forEach(group -> targets.add(new Object[] {Dimension.GROUP, group}));
        if (deviceGroup != null) {
            targets.add(new Object[] {Dimension.DEVICE_GROUP, deviceGroup});
        }
        for (Object[] target : targets) {
            rollups.add(org, (Dimension) target[0], (UUID) target[1], day, f);
        }
    }
}
