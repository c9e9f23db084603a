package org.opencps.reporting.internal;

import java.util.List;
import java.util.UUID;
import org.opencps.devices.Devices;
import org.opencps.identity.Group;
import org.opencps.identity.Groups;
import org.opencps.printing.PrintJobCompleted;
import org.opencps.printing.PrintReleaseRefused;
import org.opencps.reporting.UsageRecord;
import org.opencps.reporting.internal.persistence.RefusalStore;
import org.opencps.reporting.internal.persistence.RollupLock;
import org.opencps.reporting.internal.persistence.UsageStore;
import org.opencps.tenancy.Organizations;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Records each printed job's usage, and each refused release, once printing's transaction has
 * committed, in a transaction of its own, and adds it to the roll-ups (on its day in the
 * organization's time zone, for the groups the person and the device are in now). A failure leaves
 * the event undelivered, to be delivered again later (also after a restart); the job's (or the
 * event's) id keeps a second delivery from counting it twice. Each first takes the organization's
 * {@link RollupLock}, so it is either read by a concurrent rebuild of the roll-ups or added after it.
 */
@Component
class UsageRecorder {

    private final UsageStore usage;
    private final RefusalStore refusals;
    private final Rollups rollups;
    private final Groups groups;
    private final Devices devices;
    private final Organizations organizations;
    private final RollupLock lock;

    UsageRecorder(UsageStore usage, RefusalStore refusals, Rollups rollups, Groups groups, Devices devices,
                  Organizations organizations, RollupLock lock) {
        this.lock = lock;
        this.usage = usage;
        this.refusals = refusals;
        this.rollups = rollups;
        this.groups = groups;
        this.devices = devices;
        this.organizations = organizations;
    }

    @ApplicationModuleListener
    void on(PrintJobCompleted e) {
        record(e);
    }

    /** Records the job, in the caller's transaction, taking turns with a rebuild of the organization's roll-ups. */
    void record(PrintJobCompleted e) {
        lock.lock(e.org());
        UsageStore.Printed printed = new UsageStore.Printed(new UsageRecord(e.org(), e.job(), e.owner(), e.device(), e.at(),
                e.copies(), e.colorMode(), e.countedPages(), e.reportedPages(), e.colorPages(), e.monochromePages(),
                e.duplex(), e.reportedPages() - e.countedPages()), Rollups.sheets(e.reportedPages(), e.duplex()),
                devices.groupOf(e.org(), e.device()).orElse(null), groupsOf(e.org(), e.owner()));
        if (usage.insertIfAbsent(printed)) {
            rollups.add(printed, organizations.timeZone(e.org()));
        }
    }

    @ApplicationModuleListener
    void on(PrintReleaseRefused e) {
        lock.lock(e.org());
        RefusalStore.Refusal refusal = new RefusalStore.Refusal(e.org(), e.eventId(), e.owner().value(), e.device().value(),
                devices.groupOf(e.org(), e.device()).orElse(null), e.at(), e.reason(), groupsOf(e.org(), e.owner()));
        if (refusals.insertIfAbsent(refusal)) {
            rollups.add(refusal, organizations.timeZone(e.org()));
        }
    }

    private List<UUID> groupsOf(org.opencps.platform.ids.OrgId org, org.opencps.platform.ids.UserId person) {
        return groups.groupsOf(org, person).stream().map(Group::id).toList();
    }
}
