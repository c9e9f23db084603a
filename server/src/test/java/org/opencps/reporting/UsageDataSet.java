package org.opencps.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencps.testing.Eventually.allEventsDelivered;
import static org.opencps.testing.Eventually.eventually;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.opencps.access.FixedRole;
import org.opencps.devices.ActivationCodes;
import org.opencps.devices.DeviceGroups;
import org.opencps.devices.DeviceKind;
import org.opencps.devices.DeviceRegistration;
import org.opencps.devices.DeviceRegistrations;
import org.opencps.devices.Devices;
import org.opencps.identity.Groups;
import org.opencps.platform.ids.DeviceId;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.opencps.printing.JobId;
import org.opencps.printing.JobTicket.ColorMode;
import org.opencps.printing.PrintJobCompleted;
import org.opencps.tenancy.OrganizationSettings;
import org.opencps.tenancy.Organizations;
import org.opencps.testing.World;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A known organization for the usage report tests: Alice (in group Team) and Bob; printer A (in
 * printer group Floor) and printer B (no group). {@link #printAll} records six jobs whose days
 * differ between UTC and Europe/Berlin, around month ends and the change to summer time on
 * 2026-03-29 (01:00 UTC), as printing's events would.
 */
final class UsageDataSet {

    final OrgId org;
    final Actor admin;
    final Actor alice;
    final Actor bob;
    final Actor manager;
    final UUID team;
    final UUID floor;
    final DeviceId printerA;
    final DeviceId printerB = DeviceId.random();

    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Organizations organizations;
    private final JdbcClient jdbc;

    UsageDataSet(World world, Groups groups, DeviceGroups deviceGroups, Devices devices, ActivationCodes codes,
                 DeviceRegistrations registrations, Organizations organizations, ApplicationEventPublisher events,
                 TransactionTemplate transactions, JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.events = events;
        this.transactions = transactions;
        this.organizations = organizations;
        org = world.customer(world.root(), "Usage report " + UUID.randomUUID());
        admin = world.person(org, FixedRole.CUSTOMER_ADMIN).actor();
        alice = world.person(org, FixedRole.CUSTOMER_USER).actor();
        bob = world.person(org, FixedRole.CUSTOMER_USER).actor();
        manager = world.person(org, FixedRole.PRINT_MANAGER).actor();
        team = groups.create(admin, org, "Team").id();
        groups.addMember(admin, org, team, alice.userId());
        floor = deviceGroups.create(admin, org, "Floor").id();
        String code = codes.create(admin, org, null, null).code();
        printerA = registrations.register(new DeviceRegistration(code, DeviceKind.PRINTER, "Printer A", null, null, null,
                null), "127.0.0.1").deviceId();
        devices.update(admin, org, printerA, "Printer A", null, floor);
    }

    /** A new one made with the beans of a test's context. */
    static UsageDataSet in(org.springframework.context.ApplicationContext beans) {
        return new UsageDataSet(beans.getBean(World.class), beans.getBean(Groups.class), beans.getBean(DeviceGroups.class),
                beans.getBean(Devices.class), beans.getBean(ActivationCodes.class), beans.getBean(DeviceRegistrations.class),
                beans.getBean(Organizations.class), beans, beans.getBean(TransactionTemplate.class), beans.getBean(JdbcClient.class));
    }

    void zone(String zone) {
        OrganizationSettings now = organizations.settings(admin, org);
        organizations.updateSettings(admin, org, new OrganizationSettings(now.idleLogoutMinutes(), now.jobRetentionHours(),
                now.ipAllowList(), now.deviceLoginMethods(), zone), "127.0.0.1");
        // the roll-ups are rebuilt in the new zone after commit: jobs recorded meanwhile would race the rebuild
        allEventsDelivered(jdbc);
    }

    /**
     * The six jobs (UTC instant: Berlin local time):
     * 1. 2026-01-31T22:30Z: Jan 31 23:30 CET, Alice on A, 3 colour pages one-sided;
     * 2. 2026-01-31T23:30Z: Feb 1 00:30 CET, Bob on B, 5 black and white pages two-sided, 4 counted (3 sheets);
     * 3. 2026-03-28T23:30Z: Mar 29 00:30 CET, Alice on B, 1 black and white page;
     * 4. 2026-03-29T22:30Z: Mar 30 00:30 CEST (summer time began that night), Bob on B, 1 black and white page;
     * 5. 2026-03-31T21:30Z: Mar 31 23:30 CEST, Bob on A, 4 colour pages two-sided (2 sheets);
     * 6. 2026-03-31T22:30Z: Apr 1 00:30 CEST, Alice on A, 2 black and white pages.
     */
    void printAll() {
        print(alice, printerA, "2026-01-31T22:30:00Z", ColorMode.COLOR, 3, 3, false);
        print(bob, printerB, "2026-01-31T23:30:00Z", ColorMode.MONOCHROME, 4, 5, true);
        print(alice, printerB, "2026-03-28T23:30:00Z", ColorMode.MONOCHROME, 1, 1, false);
        print(bob, printerB, "2026-03-29T22:30:00Z", ColorMode.MONOCHROME, 1, 1, false);
        print(bob, printerA, "2026-03-31T21:30:00Z", ColorMode.COLOR, 4, 4, true);
        print(alice, printerA, "2026-03-31T22:30:00Z", ColorMode.MONOCHROME, 2, 2, false);
    }

    /** Waits until all six are in the organization's roll-up. */
    void awaitRecorded(UsageReports reports) {
        eventually(() -> assertThat(reports.report(admin, org, new UsageReportRequest(null, null,
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 4, 30), null)).total().jobs()).isEqualTo(6));
    }

    private void print(Actor owner, DeviceId device, String at, ColorMode mode, int counted, int reported, boolean duplex) {
        boolean color = mode == ColorMode.COLOR;
        var completed = new PrintJobCompleted(org, JobId.random(), owner.userId(), device, 1, mode, counted, reported,
                color ? reported : 0, color ? 0 : reported, duplex, Instant.parse(at));
        transactions.executeWithoutResult(status -> events.publishEvent(completed));
    }
}
