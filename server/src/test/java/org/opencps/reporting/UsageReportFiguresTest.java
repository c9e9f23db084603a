package org.opencps.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencps.testing.Eventually.eventually;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencps.devices.ActivationCodes;
import org.opencps.devices.DeviceGroups;
import org.opencps.devices.DeviceRegistrations;
import org.opencps.devices.Devices;
import org.opencps.identity.Groups;
import org.opencps.platform.security.Actor;
import org.opencps.platform.security.ActorAuthentication;
import org.opencps.reporting.UsageReportRequest.Dimension;
import org.opencps.reporting.UsageReportRequest.Per;
import org.opencps.tenancy.Organizations;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The usage report's figures against hand-computed ones on {@link UsageDataSet}: month edges and
 * the change to summer time in the organization's time zone, weeks, groups, printer groups, the
 * previous period, environmental figures, and the roll-ups rebuilt when the time zone changes.
 */
@OpenCpsTest
class UsageReportFiguresTest {

    static final String REPORT = "/api/v1/organizations/{org}/usage/report";

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired World world;
    @Autowired Groups groups;
    @Autowired DeviceGroups deviceGroups;
    @Autowired Devices devices;
    @Autowired ActivationCodes codes;
    @Autowired DeviceRegistrations registrations;
    @Autowired Organizations organizations;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transactions;
    @Autowired UsageReports reports;

    @Autowired EnvironmentFactorSettings factors;

    UsageDataSet data;

    @BeforeEach
    void organization() {
        data = new UsageDataSet(world, groups, deviceGroups, devices, codes, registrations, organizations, events, transactions, jdbc);
    }

    @Test
    void monthsEndAtMidnightInTheOrganizationsTimeZone() throws Exception {
        data.zone("Europe/Berlin");
        data.printAll();
        data.awaitRecorded(reports);

        mvc.perform(get(REPORT + "?per=month&from=2026-01-01&to=2026-04-30", data.org).with(as(data.admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.timeZone").value("Europe/Berlin"))
                .andExpect(jsonPath("$.periods").value(org.hamcrest.Matchers.contains("2026-01-01", "2026-02-01", "2026-03-01", "2026-04-01")))
                .andExpect(jsonPath("$.totalPerPeriod[*].jobs").value(org.hamcrest.Matchers.contains(1, 1, 3, 1)))
                .andExpect(jsonPath("$.totalPerPeriod[*].reportedPages").value(org.hamcrest.Matchers.contains(3, 5, 6, 2)))
                .andExpect(jsonPath("$.totalPerPeriod[*].sheets").value(org.hamcrest.Matchers.contains(3, 3, 4, 2)))
                .andExpect(jsonPath("$.totalPerPeriod[1].countedPages").value(4))
                .andExpect(jsonPath("$.totalPerPeriod[1].pageDifference").value(1))
                .andExpect(jsonPath("$.totalPerPeriod[2].colorPages").value(4))
                .andExpect(jsonPath("$.totalPerPeriod[2].monochromePages").value(2))
                .andExpect(jsonPath("$.totalPerPeriod[2].duplexPages").value(4))
                .andExpect(jsonPath("$.totalPerPeriod[2].simplexPages").value(2))
                .andExpect(jsonPath("$.total.jobs").value(6)).andExpect(jsonPath("$.total.reportedPages").value(16))
                .andExpect(jsonPath("$.total.sheets").value(12))
                // four months before: nothing
                .andExpect(jsonPath("$.previousFrom").value("2025-09-01")).andExpect(jsonPath("$.previousTo").value("2025-12-31"))
                .andExpect(jsonPath("$.previousTotal.jobs").value(0))
                // the defaults: 12 sheets x 4.7 g = 56.4 g, no printing factor; x 7.2 l = 86.4 l; x 18 Wh = 216 Wh;
                // two-sided saved 9 - (12 - 7) = 4 sheets, 4 x 4.7 g = 18.8 g; black and white saved nothing by default
                .andExpect(jsonPath("$.environment.kgCo2").value(0.056))
                .andExpect(jsonPath("$.environment.litresWater").value(86.4))
                .andExpect(jsonPath("$.environment.kwhEnergy").value(0.216))
                .andExpect(jsonPath("$.environment.sheetsSavedByDuplex").value(4))
                .andExpect(jsonPath("$.environment.kgCo2SavedByDuplex").value(0.019))
                .andExpect(jsonPath("$.environment.kgCo2SavedByMonochrome").value(0.0));

        // the organization's own factors: 12 sheets x 5 g + 7 colour pages x 2 g + 9 black and white x 1 g = 83 g;
        // black and white saved 9 x (2 g - 1 g) = 9 g
        factors.set(data.admin, data.org, () -> new EnvironmentFactors(new BigDecimal("5"), new BigDecimal("10"), new BigDecimal("14"),
                new BigDecimal("2"), new BigDecimal("1")));
        mvc.perform(get(REPORT + "?per=month&from=2026-01-01&to=2026-04-30", data.org).with(as(data.admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.environment.kgCo2").value(0.083))
                .andExpect(jsonPath("$.environment.litresWater").value(120.0))
                .andExpect(jsonPath("$.environment.kwhEnergy").value(0.168))
                .andExpect(jsonPath("$.environment.kgCo2SavedByDuplex").value(0.02))
                .andExpect(jsonPath("$.environment.kgCo2SavedByMonochrome").value(0.009));
    }

    @Test
    void daysAndWeeksAroundTheChangeToSummerTime() throws Exception {
        data.zone("Europe/Berlin");
        data.printAll();
        data.awaitRecorded(reports);

        mvc.perform(get(REPORT + "?per=day&from=2026-03-28&to=2026-03-31", data.org).with(as(data.admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalPerPeriod[*].reportedPages").value(org.hamcrest.Matchers.contains(0, 1, 1, 4)));
        // ISO weeks: Monday 23 to Sunday 29 March, Monday 30 March to Sunday 5 April
        mvc.perform(get(REPORT + "?per=week&from=2026-03-23&to=2026-04-05", data.org).with(as(data.admin)))
                .andExpect(jsonPath("$.periods").value(org.hamcrest.Matchers.contains("2026-03-23", "2026-03-30")))
                .andExpect(jsonPath("$.totalPerPeriod[*].reportedPages").value(org.hamcrest.Matchers.contains(1, 7)));
    }

    @Test
    void byPersonGroupAndPrinterGroupWithThePreviousMonth() throws Exception {
        data.zone("Europe/Berlin");
        data.printAll();
        data.awaitRecorded(reports);

        mvc.perform(get(REPORT + "?by=person&from=2026-03-01&to=2026-03-31", data.org).with(as(data.admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.previousFrom").value("2026-02-01")).andExpect(jsonPath("$.previousTo").value("2026-02-28"))
                .andExpect(jsonPath("$.subjects.length()").value(2))
                .andExpect(jsonPath("$.subjects[0].id").value(data.bob.userId().toString()))
                .andExpect(jsonPath("$.subjects[0].name").isNotEmpty())
                .andExpect(jsonPath("$.subjects[0].total.reportedPages").value(5))
                .andExpect(jsonPath("$.subjects[0].previousTotal.reportedPages").value(5))
                .andExpect(jsonPath("$.subjects[1].id").value(data.alice.userId().toString()))
                .andExpect(jsonPath("$.subjects[1].total.reportedPages").value(1))
                .andExpect(jsonPath("$.subjects[1].previousTotal.reportedPages").value(0))
                .andExpect(jsonPath("$.total.reportedPages").value(6))
                .andExpect(jsonPath("$.previousTotal.reportedPages").value(5));
        mvc.perform(get(REPORT + "?by=group&from=2026-01-01&to=2026-04-30", data.org).with(as(data.admin)))
                .andExpect(jsonPath("$.subjects.length()").value(1))
                .andExpect(jsonPath("$.subjects[0].name").value("Team"))
                .andExpect(jsonPath("$.subjects[0].perPeriod[*].reportedPages").value(org.hamcrest.Matchers.contains(3, 0, 1, 2)));
        mvc.perform(get(REPORT + "?by=device-group&from=2026-01-01&to=2026-04-30", data.org).with(as(data.admin)))
                .andExpect(jsonPath("$.subjects.length()").value(1))
                .andExpect(jsonPath("$.subjects[0].name").value("Floor"))
                .andExpect(jsonPath("$.subjects[0].total.jobs").value(3))
                .andExpect(jsonPath("$.subjects[0].total.reportedPages").value(9));
        mvc.perform(get(REPORT + "?by=device&subject={a}&from=2026-01-01&to=2026-04-30", data.org, data.printerA)
                        .with(as(data.admin)))
                .andExpect(jsonPath("$.subjects.length()").value(1))
                .andExpect(jsonPath("$.subjects[0].name").value("Printer A"))
                .andExpect(jsonPath("$.total.reportedPages").value(9));
    }

    @Test
    void changingTheTimeZoneRebuildsTheRollUps() throws Exception {
        data.printAll();
        data.awaitRecorded(reports);
        mvc.perform(get(REPORT + "?from=2026-01-01&to=2026-04-30", data.org).with(as(data.admin)))
                .andExpect(jsonPath("$.timeZone").value("UTC"))
                .andExpect(jsonPath("$.totalPerPeriod[*].jobs").value(org.hamcrest.Matchers.contains(2, 0, 4, 0)));

        data.zone("Europe/Berlin");

        eventually(() -> assertThat(reports.report(data.admin, data.org, new UsageReportRequest(Dimension.ORGANIZATION,
                        Per.MONTH, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 4, 30), null)).totalPerPeriod())
                .extracting(UsageFigures::jobs).containsExactly(1L, 1L, 3L, 1L));
        assertThat(reports.report(data.admin, data.org, new UsageReportRequest(Dimension.PERSON, Per.DAY,
                LocalDate.of(2026, 3, 28), LocalDate.of(2026, 3, 31), data.bob.userId().value())).totalPerPeriod())
                .extracting(UsageFigures::reportedPages).containsExactly(0L, 0L, 1L, 4L);
        assertThat(reports.report(data.admin, data.org, new UsageReportRequest(Dimension.GROUP, Per.MONTH,
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 4, 30), data.team)).total().reportedPages()).isEqualTo(6);
    }

    @Test
    void badRequestsAreRefusedNamingTheField() throws Exception {
        for (List<String> bad : List.of(List.of("by=floor", "by"), List.of("per=year", "per"), List.of("from=2026-13-01", "from"),
                List.of("from=2026-02-01&to=2026-01-01", "from"), List.of("per=day&from=2025-01-01&to=2026-01-02", "to"),
                List.of("by=person&subject=me", "subject"), List.of("subject=" + data.alice.userId(), "subject"))) {
            mvc.perform(get(REPORT + "?" + bad.get(0), data.org).with(as(data.admin)))
                    .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value(bad.get(1)));
        }
    }

    static RequestPostProcessor as(Actor actor) {
        return authentication(new ActorAuthentication(actor));
    }
}
