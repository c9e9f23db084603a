package org.opencps.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencps.reporting.UsageReportFiguresTest.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.platform.security.Actor;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * The portal's usage report pages on {@link UsageDataSet} (Europe/Berlin): the figures of each
 * chart are the figures of its table, both as computed by hand; the export links ask for the
 * report shown; a person sees only their own usage; those who may not see the organization's
 * report get the refusal page and none of its figures.
 */
@OpenCpsTest
class UsageReportPagesTest {

    @Autowired MockMvc mvc;
    @Autowired ApplicationContext beans;
    @Autowired World world;
    @Autowired UsageReports reports;
    @Autowired JsonMapper json;

    UsageDataSet data;

    @BeforeEach
    void organization() {
        data = UsageDataSet.in(beans);
        data.zone("Europe/Berlin");
        data.printAll();
        data.awaitRecorded(reports);
    }

    @Test
    void anAdminsReportByPersonShowsEachChartsFiguresInATable() throws Exception {
        // March in Berlin: Alice 1 b/w page (Mar 29); Bob 1 b/w page (Mar 30) and 4 colour two-sided (Mar 31).
        // February before it: Bob's 5 b/w pages two-sided.
        Document page = page(data.admin, "/orgs/" + data.org + "/reports?by=person&per=month&from=2026-03-01&to=2026-03-31");

        assertThat(page.getElementById("report-period").text()).contains("2026-03-01", "2026-03-31", "Europe/Berlin");
        assertThat(page.getElementById("report-previous").text()).contains("2026-02-01", "2026-02-28");
        assertThat(cells(page.selectFirst("#report-totals tr[data-figure=jobs]"))).containsExactly("Jobs", "3", "1", "+2");
        assertThat(cells(page.selectFirst("#report-totals tr[data-figure=reportedPages]"))).containsExactly("Pages printed", "6", "5", "+1");
        assertThat(cells(page.selectFirst("#report-totals tr[data-figure=scannedPages]"))).containsExactly("Pages scanned", "0", "0", "0");

        assertThat(chart(page, "chart-periods")).containsExactly(Map.of("name", "2026-03-01", "day", "2026-03-01", "color", 4, "mono", 2));
        assertThat(page.select("#report-periods tbody tr")).hasSize(1);
        assertThat(cells(page.selectFirst("#report-periods tbody tr"))).containsExactly("2026-03-01", "3", "4", "2", "2", "4", "4", "0");

        List<Map<String, Object>> people = chart(page, "chart-subjects");
        assertThat(people).extracting(bar -> bar.get("color"), bar -> bar.get("mono"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(4, 1), org.assertj.core.groups.Tuple.tuple(0, 1));
        Element bob = row(page, data.bob);
        Element alice = row(page, data.alice);
        assertThat(people.get(0).get("name")).isEqualTo(bob.selectFirst("th").text());
        assertThat(people.get(1).get("name")).isEqualTo(alice.selectFirst("th").text());
        assertThat(cells(bob).subList(1, 8)).containsExactly("2", "5", "4", "1", "3", "0", "5");
        assertThat(cells(alice).subList(1, 8)).containsExactly("1", "1", "0", "1", "1", "0", "0");

        String query = "by=person&per=month&from=2026-03-01&to=2026-03-31";
        assertThat(page.getElementById("export-csv").attr("href")).startsWith("/api/v1/organizations/" + data.org + "/usage/report.csv?" + query);
        assertThat(page.getElementById("export-pdf").attr("href")).startsWith("/api/v1/organizations/" + data.org + "/usage/report.pdf?" + query);
        String csv = mvc.perform(get(page.getElementById("export-csv").attr("href")).with(as(data.admin)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv.lines().skip(1)).isNotEmpty().allMatch(line -> line.contains("2026-03-01"));
    }

    @Test
    void aPersonsOwnReportHoldsTheirUsageAndNoOneElses() throws Exception {
        // Alice in Berlin: Mar 29 1 b/w page on B; Apr 1 2 b/w pages on A; before, in January and February, one job
        // (Jan 31). Bob printed 3 jobs in those months.
        Document page = page(data.alice, "/usage/report?per=month&from=2026-03-01&to=2026-04-30");

        assertThat(cells(page.selectFirst("#report-totals tr[data-figure=jobs]"))).containsExactly("Jobs", "2", "1", "+1");
        assertThat(page.select("#report-periods tbody tr")).extracting(UsageReportPagesTest::cells)
                .containsExactly(List.of("2026-03-01", "1", "0", "1", "1", "0", "1", "0"),
                        List.of("2026-04-01", "1", "0", "2", "2", "0", "2", "0"));
        assertThat(page.getElementById("report-subjects")).isNull();
        assertThat(page.getElementById("report-by")).isNull();
        String csvLink = page.getElementById("export-csv").attr("href");
        assertThat(csvLink).contains("by=person", "subject=" + data.alice.userId().value());
        mvc.perform(get(csvLink).with(as(data.alice))).andExpect(status().isOk());
    }

    @Test
    void whoMayNotSeeTheOrganizationsReportGetsNoneOfItsFigures() throws Exception {
        String report = "/orgs/" + data.org + "/reports?by=person&per=month&from=2026-03-01&to=2026-03-31";
        Actor otherAdmin = world.person(world.customer(world.root(), "Elsewhere " + java.util.UUID.randomUUID()),
                FixedRole.CUSTOMER_ADMIN).actor();
        for (Actor refused : List.of(data.alice, data.manager)) {
            String body = mvc.perform(get(report).with(as(refused))).andExpect(status().isForbidden())
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(Jsoup.parse(body).getElementById("report-totals")).isNull();
        }
        mvc.perform(get(report).with(as(otherAdmin))).andExpect(status().isNotFound());
        // a person's own page takes no subject: naming a colleague still shows only one's own usage
        Document own = page(data.alice, "/usage/report?per=month&from=2026-03-01&to=2026-03-31&by=organization&subject="
                + data.bob.userId().value());
        assertThat(cells(own.selectFirst("#report-totals tr[data-figure=jobs]"))).containsExactly("Jobs", "1", "0", "+1");
    }

    private Document page(Actor actor, String url) throws Exception {
        String body = mvc.perform(get(url).with(as(actor))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return Jsoup.parse(body);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> chart(Document page, String id) {
        return json.readValue(page.getElementById(id).attr("data-values"), List.class);
    }

    private static Element row(Document page, Actor person) {
        return page.select("#report-subjects tbody tr").stream()
                .filter(tr -> tr.selectFirst("th a").attr("href").contains("subject=" + person.userId().value()))
                .findFirst().orElseThrow();
    }

    private static List<String> cells(Element row) {
        return row.children().stream().map(Element::text).toList();
    }
}
