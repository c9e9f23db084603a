package org.opencps.printing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opencps.printing.HeldJobs.failed;
import static org.opencps.printing.HeldJobs.submit;
import static org.opencps.testing.Eventually.eventually;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.identity.Groups;
import org.opencps.platform.ids.DeviceId;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.opencps.printing.JobTicket.ColorMode;
import org.opencps.printing.PrintQuota.Scope;
import org.opencps.testing.MutableClock;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.RowCounts;
import org.opencps.testing.World;
import org.opencps.tenancy.Organizations;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Monthly quotas at and around their numbers: own and group pools, colour and black and white, month ends. */
@OpenCpsTest
class QuotaTest {

    @Autowired PrintJobs jobs;
    @Autowired PrintReleases releases;
    @Autowired PrintQuotas quotas;
    @Autowired PrintAdministration administration;
    @Autowired Groups groups;
    @Autowired Organizations organizations;
    @Autowired World world;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;

    String name;
    OrgId org;
    Actor manager;
    Actor alice;
    Actor bob;
    UUID team;
    DeviceId printer = DeviceId.random();

    @BeforeEach
    void people() {
        name = "Quota " + UUID.randomUUID();
        org = world.customer(world.root(), name);
        manager = world.person(org, FixedRole.PRINT_MANAGER).actor();
        Actor admin = world.person(org, FixedRole.CUSTOMER_ADMIN).actor();
        alice = world.person(org, FixedRole.CUSTOMER_USER).actor();
        bob = world.person(org, FixedRole.CUSTOMER_USER).actor();
        team = groups.create(admin, org, "Team").id();
        groups.addMember(admin, org, team, alice.userId());
        groups.addMember(admin, org, team, bob.userId());
    }

    @Test
    void exactlyTheLimitPassesAndOnePageMoreIsRefusedWholeChangingNothing() {
        quotas.set(manager, org, Scope.USER, alice.userId().value(), 10, null);
        release(alice, 4, 2, ColorMode.COLOR);
        PrintJob three = submit(jobs, alice, 3, 1, ColorMode.COLOR);
        Map<String, Integer> before = RowCounts.of(jdbc, "printing_");

        assertThatThrownBy(() -> releases.release(alice, three.id(), printer, null))
                .isInstanceOf(QuotaExceededException.class)
                .hasMessage("this job needs 3 colour pages; 2 are left this month")
                .satisfies(e -> assertThat(((QuotaExceededException) e).field()).isEqualTo("quota"))
                .satisfies(e -> assertThat(((QuotaExceededException) e).left()).isEqualTo(2));

        assertThat(RowCounts.of(jdbc, "printing_")).isEqualTo(before);
        assertThat(jobs.get(alice, three.id()).state()).isEqualTo(PrintJob.State.HELD);
        assertThat(quotas.mine(alice).own().color()).isEqualTo(new MyQuotas.Allowance(8, 10, 2));
        release(alice, 2, 1, ColorMode.COLOR);
        assertThat(quotas.mine(alice).own().color()).isEqualTo(new MyQuotas.Allowance(10, 10, 0));
        release(alice, 7, 1, ColorMode.MONOCHROME);
        assertThat(quotas.mine(alice).own().monochrome()).isEqualTo(new MyQuotas.Allowance(7, null, null));
    }

    @Test
    void blackAndWhiteHasALimitOfItsOwnAndZeroAllowsNothing() {
        quotas.set(manager, org, Scope.USER, alice.userId().value(), 0, 5);
        PrintJob six = submit(jobs, alice, 6, 1, ColorMode.MONOCHROME);
        assertThatThrownBy(() -> releases.release(alice, six.id(), printer, null)).isInstanceOf(QuotaExceededException.class)
                .hasMessage("this job needs 6 black-and-white pages; 5 are left this month");
        release(alice, 5, 1, ColorMode.MONOCHROME);
        PrintJob colour = submit(jobs, alice, 1, 1, ColorMode.COLOR);
        assertThatThrownBy(() -> releases.release(alice, colour.id(), printer, null)).isInstanceOf(QuotaExceededException.class)
                .hasMessage("this job needs 1 colour page; 0 are left this month");
        assertThatThrownBy(() -> releases.release(alice, colour.id(), printer, new ReleaseOptions(null, ColorMode.MONOCHROME, null)))
                .as("printed in black and white it is charged as such").isInstanceOf(QuotaExceededException.class)
                .hasMessage("this job needs 1 black-and-white page; 0 are left this month");
    }

    @Test
    void aGroupQuotaIsOnePoolItsMembersShareChargedWithTheirOwnOrNotAtAll() {
        quotas.set(manager, org, Scope.GROUP, team, 10, null);
        quotas.set(manager, org, Scope.USER, bob.userId().value(), 100, null);
        release(alice, 6, 1, ColorMode.AUTO);
        PrintJob five = submit(jobs, bob, 5, 1, ColorMode.COLOR);

        assertThatThrownBy(() -> releases.release(bob, five.id(), printer, null)).isInstanceOf(QuotaExceededException.class)
                .hasMessage("this job needs 5 colour pages; 4 are left this month in the quota shared by group 'Team'");
        assertThat(quotas.mine(bob).own().color().used()).as("his own quota is not charged either").isZero();

        release(bob, 4, 1, ColorMode.COLOR);
        MyQuotas mine = quotas.mine(bob);
        assertThat(mine.own().color()).isEqualTo(new MyQuotas.Allowance(4, 100, 96));
        assertThat(mine.groups()).singleElement().satisfies(pool -> {
            assertThat(pool.name()).isEqualTo("Team");
            assertThat(pool.color()).isEqualTo(new MyQuotas.Allowance(10, 10, 0));
        });
    }

    @Test
    void aFailureGivesThePagesBackToEveryPoolTheyCameFrom() {
        quotas.set(manager, org, Scope.GROUP, team, null, 3);
        PrintJob job = submit(jobs, alice, 3, 1, ColorMode.MONOCHROME);
        releases.release(alice, job.id(), printer, null);
        PrintJob bobs = submit(jobs, bob, 1, 1, ColorMode.MONOCHROME);
        assertThatThrownBy(() -> releases.release(bob, bobs.id(), printer, null)).isInstanceOf(QuotaExceededException.class);
        releases.reportOutcome(org, printer, job.id(), failed("paper jam"));
        releases.release(bob, bobs.id(), printer, null);
        assertThat(quotas.mine(alice).groups().get(0).monochrome().used()).isEqualTo(1);
    }

    @Test
    void aNewMonthStartsAfreshInUtcAndAReturnedChargeGoesBackToItsOwnMonth() {
        Instant nextMonth = clock.instant().atZone(ZoneOffset.UTC).toLocalDate().withDayOfMonth(1).plusMonths(1)
                .atStartOfDay(ZoneOffset.UTC).toInstant();
        clock.set(nextMonth.minusSeconds(1));
        quotas.set(manager, org, Scope.USER, alice.userId().value(), 5, null);
        PrintJob last = release(alice, 5, 1, ColorMode.COLOR);
        PrintJob more = submit(jobs, alice, 1, 1, ColorMode.COLOR);
        assertThatThrownBy(() -> releases.release(alice, more.id(), printer, null)).isInstanceOf(QuotaExceededException.class);

        clock.advance(Duration.ofSeconds(1));
        assertThat(quotas.mine(alice).own().color()).isEqualTo(new MyQuotas.Allowance(0, 5, 5));
        releases.release(alice, more.id(), printer, null);
        releases.reportOutcome(org, printer, last.id(), failed("late"));
        assertThat(quotas.mine(alice).own().color()).as("the refund went to last month").isEqualTo(new MyQuotas.Allowance(1, 5, 4));
    }

    @Test
    void autoColourIsChargedAsColourUnlessTheOrganizationForcesBlackAndWhite() {
        quotas.set(manager, org, Scope.USER, alice.userId().value(), 0, 100);
        PrintJob auto = submit(jobs, alice, 2, 1, ColorMode.AUTO);
        assertThatThrownBy(() -> releases.release(alice, auto.id(), printer, null)).isInstanceOf(QuotaExceededException.class);
        Actor admin = world.person(org, FixedRole.CUSTOMER_ADMIN).actor();
        administration.updateSettings(admin, org, new PrintSettings(true, true, false, null, null));
        assertThat(releases.release(alice, auto.id(), printer, null).colorMode()).isEqualTo(ColorMode.MONOCHROME);
        assertThat(quotas.mine(alice).own().monochrome().used()).isEqualTo(2);
    }

    @Test
    void aPurgeRemovesQuotasChargesAndUsage() {
        quotas.set(manager, org, Scope.GROUP, team, 50, 50);
        quotas.set(manager, org, Scope.USER, alice.userId().value(), 50, 50);
        PrintJob printed = release(alice, 2, 1, ColorMode.COLOR);
        releases.reportOutcome(org, printer, printed.id(), HeldJobs.printed(2, true));
        release(bob, 1, 1, ColorMode.COLOR);
        eventually(() -> assertThat(rows("reporting_usage")).as("usage, recorded after the commit").isPositive());
        for (String table : new String[] {"printing_quota", "printing_quota_usage", "printing_quota_charge"}) {
            assertThat(rows(table)).as(table).isPositive();
        }
        organizations.purgeNow(world.rootAdmin().actor(), org, name);
        for (String table : new String[] {"printing_quota", "printing_quota_usage", "printing_quota_charge", "reporting_usage"}) {
            assertThat(rows(table)).as(table).isZero();
        }
    }

    private long rows(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE org_id = ?").param(org.value()).query(Long.class).single();
    }

    private PrintJob release(Actor owner, int pages, int copies, ColorMode colorMode) {
        PrintJob job = submit(jobs, owner, pages, copies, colorMode);
        releases.release(owner, job.id(), printer, null);
        return job;
    }
}
