package org.opencps.printing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencps.printing.HeldJobs.submit;
import static org.opencps.printing.QuotaApiTest.as;
import static org.opencps.testing.Eventually.eventually;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.identity.Groups;
import org.opencps.platform.ids.DeviceId;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.opencps.printing.JobTicket.ColorMode;
import org.opencps.printing.PrintQuota.Scope;
import org.opencps.reporting.UsageReports;
import org.opencps.testing.MutableClock;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** A person's own usage, and an organization's summary for those who see its reports. */
@OpenCpsTest
class UsageApiTest {

    @Autowired MockMvc mvc;
    @Autowired World world;
    @Autowired MutableClock clock;
    @Autowired PrintJobs jobs;
    @Autowired PrintReleases releases;
    @Autowired PrintQuotas quotas;
    @Autowired Groups groups;
    @Autowired UsageReports usage;

    OrgId org;
    Actor admin;
    Actor alice;
    Actor bob;
    DeviceId printerA = DeviceId.random();
    DeviceId printerB = DeviceId.random();

    @BeforeEach
    void people() {
        org = world.customer(world.root(), "Usage " + UUID.randomUUID());
        admin = world.person(org, FixedRole.CUSTOMER_ADMIN).actor();
        alice = world.person(org, FixedRole.CUSTOMER_USER).actor();
        bob = world.person(org, FixedRole.CUSTOMER_USER).actor();
    }

    @Test
    void myUsageShowsThisMonthAgainstMyQuotaAndEachPoolAndMyRecentJobs() throws Exception {
        clock.set(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).withDayOfMonth(1).plusMonths(1)
                .atTime(12, 0).toInstant(ZoneOffset.UTC));
        UUID team = groups.create(admin, org, "Team").id();
        groups.addMember(admin, org, team, alice.userId());
        quotas.set(admin, org, Scope.USER, alice.userId().value(), 20, null);
        quotas.set(admin, org, Scope.GROUP, team, null, 100);
        print(alice, printerA, 3, 2, ColorMode.COLOR, 6, false);
        clock.advance(Duration.ofMinutes(1));
        print(alice, printerA, 2, 1, ColorMode.MONOCHROME, 3, true);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);

        mvc.perform(get("/api/v1/me/usage").with(as(alice))).andExpect(status().isOk())
                .andExpect(jsonPath("$.month").value(today.toString().substring(0, 7)))
                .andExpect(jsonPath("$.own.color.used").value(6)).andExpect(jsonPath("$.own.color.limit").value(20))
                .andExpect(jsonPath("$.own.color.remaining").value(14))
                .andExpect(jsonPath("$.own.monochrome.used").value(2)).andExpect(jsonPath("$.own.monochrome.limit").isEmpty())
                .andExpect(jsonPath("$.own.monochrome.remaining").isEmpty())
                .andExpect(jsonPath("$.groups[0].name").value("Team")).andExpect(jsonPath("$.groups[0].monochrome.remaining").value(98))
                .andExpect(jsonPath("$.recent.length()").value(2))
                .andExpect(jsonPath("$.recent[0].countedPages").value(2)).andExpect(jsonPath("$.recent[0].reportedPages").value(3))
                .andExpect(jsonPath("$.recent[0].pageDifference").value(1)).andExpect(jsonPath("$.recent[0].duplex").value(true));
        mvc.perform(get("/api/v1/me/usage").with(as(bob))).andExpect(status().isOk())
                .andExpect(jsonPath("$.own.color.used").value(0)).andExpect(jsonPath("$.groups.length()").value(0))
                .andExpect(jsonPath("$.recent.length()").value(0));
        mvc.perform(get("/api/v1/me/usage").with(as(world.rootAdmin().actor()))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/me/usage").with(as(new Actor(alice.userId(), null)))).andExpect(status().isConflict());
    }

    @Test
    void theSummaryAddsUpDaysDevicesUsersAndTheReconciliation() throws Exception {
        LocalDate first = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        print(alice, printerA, 3, 1, ColorMode.COLOR, 3, false);
        print(bob, printerB, 2, 2, ColorMode.MONOCHROME, 4, true);
        clock.advance(Duration.ofDays(1));
        LocalDate second = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        print(alice, printerA, 1, 1, ColorMode.MONOCHROME, 2, false);

        mvc.perform(get("/api/v1/organizations/{org}/usage/summary?from={from}&to={to}", org, first.minusDays(1), second)
                        .with(as(admin))).andExpect(status().isOk())
                .andExpect(jsonPath("$.totals.jobs").value(3)).andExpect(jsonPath("$.totals.countedPages").value(8))
                .andExpect(jsonPath("$.totals.reportedPages").value(9)).andExpect(jsonPath("$.totals.pageDifference").value(1))
                .andExpect(jsonPath("$.totals.colorPages").value(3)).andExpect(jsonPath("$.totals.monochromePages").value(6))
                .andExpect(jsonPath("$.totals.simplexPages").value(5)).andExpect(jsonPath("$.totals.duplexPages").value(4))
                .andExpect(jsonPath("$.days.length()").value(3))
                .andExpect(jsonPath("$.days[0].colorPages").value(0))
                .andExpect(jsonPath("$.days[1].day").value(first.toString()))
                .andExpect(jsonPath("$.days[1].colorPages").value(3)).andExpect(jsonPath("$.days[1].monochromePages").value(4))
                .andExpect(jsonPath("$.days[2].monochromePages").value(2))
                .andExpect(jsonPath("$.topDevices[0].id").value(printerA.toString())).andExpect(jsonPath("$.topDevices[0].pages").value(5))
                .andExpect(jsonPath("$.topDevices[1].pages").value(4))
                .andExpect(jsonPath("$.topUsers[0].id").value(alice.userId().toString()))
                .andExpect(jsonPath("$.topUsers[1].id").value(bob.userId().toString()))
                // sheets: 3 + 4 pages two-sided on 2 + 2 = 7; two-sided saved 4 - 2 = 2; with the default 4.7 g, 32.9 g
                .andExpect(jsonPath("$.totals.sheets").value(7)).andExpect(jsonPath("$.environment.sheets").value(7))
                .andExpect(jsonPath("$.environment.sheetsSavedByDuplex").value(2))
                .andExpect(jsonPath("$.environment.kgCo2").value(0.033));
        String dashboard = mvc.perform(get("/orgs/{org}/usage?from={from}&to={to}", org, first.minusDays(1), second)
                .with(as(admin))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Element sheets = Jsoup.parse(dashboard).selectFirst("#dashboard-environment tbody tr");
        assertThat(sheets.select("td").eachText()).as("the dashboard's environmental figures").containsExactly("Sheets of paper", "7", "2");
        mvc.perform(get("/api/v1/organizations/{org}/usage/summary?from={d}&to={d}", org, second, second).with(as(admin)))
                .andExpect(jsonPath("$.totals.jobs").value(1)).andExpect(jsonPath("$.days.length()").value(1));
        mvc.perform(get("/api/v1/organizations/{org}/usage/summary", org).with(as(admin))).andExpect(status().isOk())
                .andExpect(jsonPath("$.to").value(second.toString())).andExpect(jsonPath("$.days.length()").value(30))
                .andExpect(jsonPath("$.totals.jobs").value(3));
    }

    @Test
    void theSummaryCoversAtMost366DaysForThoseWhoSeeReports() throws Exception {
        String url = "/api/v1/organizations/{org}/usage/summary?from={from}&to={to}";
        LocalDate to = LocalDate.of(2026, 12, 31);
        mvc.perform(get(url, org, to.minusDays(365), to).with(as(admin))).andExpect(status().isOk())
                .andExpect(jsonPath("$.days.length()").value(366));
        mvc.perform(get(url, org, to.minusDays(366), to).with(as(admin))).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.field").value("to"));
        mvc.perform(get(url, org, to, to.minusDays(1)).with(as(admin))).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.field").value("from"));
        mvc.perform(get(url, org, "2026-02-30", to).with(as(admin))).andExpect(status().isBadRequest());
        mvc.perform(get(url, org, "yesterday", to).with(as(admin))).andExpect(status().isBadRequest());
        Actor manager = world.person(org, FixedRole.PRINT_MANAGER).actor();
        for (Actor refused : new Actor[] {alice, manager, world.rootAdmin().actor()}) {
            mvc.perform(get(url, org, to, to).with(as(refused))).andExpect(status().isForbidden());
        }
        OrgId other = world.customer(world.root(), "Usage other " + UUID.randomUUID());
        mvc.perform(get(url, other, to, to).with(as(admin))).andExpect(status().isNotFound());
    }

    private void print(Actor owner, DeviceId device, int pages, int copies, ColorMode colorMode, int reported, boolean duplex) {
        PrintJob job = submit(jobs, owner, pages, copies, colorMode);
        Release release = releases.release(owner, job.id(), device, null);
        boolean color = release.colorMode() == ColorMode.COLOR;
        releases.reportOutcome(org, device, job.id(),
                new PrintOutcome(true, reported, color ? reported : 0, color ? 0 : reported, duplex, null));
        eventually(() -> assertThat(usage.mine(owner).recent()).as("recorded after the commit")
                .anySatisfy(record -> assertThat(record.jobId()).isEqualTo(job.id())));
    }
}
