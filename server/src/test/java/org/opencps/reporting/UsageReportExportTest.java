package org.opencps.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencps.reporting.UsageReportFiguresTest.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencps.devices.ActivationCodes;
import org.opencps.devices.DeviceGroups;
import org.opencps.devices.DeviceRegistrations;
import org.opencps.devices.Devices;
import org.opencps.identity.Groups;
import org.opencps.reporting.internal.export.CsvReport;
import org.opencps.tenancy.Organizations;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/** The CSV and PDF exports of a usage report, read back: the CSV as RFC 4180, the PDF with PDFBox. */
@OpenCpsTest
class UsageReportExportTest {

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
    @Autowired UsageReportExports exports;

    UsageDataSet data;

    @BeforeEach
    void organization() {
        data = new UsageDataSet(world, groups, deviceGroups, devices, codes, registrations, organizations, events, transactions, jdbc);
        data.zone("Europe/Berlin");
        data.printAll();
        data.awaitRecorded(reports);
    }

    @Test
    void theCsvHasTheDocumentedHeaderAndOneRowPerSubjectAndPeriod() throws Exception {
        byte[] body = mvc.perform(get(REPORT + ".csv?by=person&from=2026-01-01&to=2026-04-30", data.org).with(as(data.admin)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "text/csv; charset=UTF-8"))
                .andExpect(header().string("Content-Disposition",
                        org.hamcrest.Matchers.containsString("usage-person-2026-01-01-2026-04-30.csv")))
                .andReturn().getResponse().getContentAsByteArray();
        String csv = new String(body, StandardCharsets.UTF_8);
        List<String> lines = List.of(csv.split("\r\n", -1));
        assertThat(lines.get(0)).isEqualTo(String.join(",", CsvReport.COLUMNS))
                .isEqualTo("period_start,period_end,dimension,subject_id,subject_name,jobs,counted_pages,reported_pages,"
                        + "page_difference,color_pages,monochrome_pages,simplex_pages,duplex_pages,sheets,scanned_pages,"
                        + "refused_over_quota,refused_by_policy");
        assertThat(lines).as("header, 2 people x 4 months, and the empty rest after the last CRLF").hasSize(1 + 8 + 1);
        assertThat(lines.get(lines.size() - 1)).isEmpty();
        // Bob in February: job 2, 4 counted, 5 printed two-sided in black and white, 3 sheets
        assertThat(lines).contains("2026-02-01,2026-02-28,PERSON," + data.bob.userId() + ",Person " + bobEmailStart()
                + ",1,4,5,1,0,5,0,5,3,0,0,0");
    }

    @Test
    void aTextThatASpreadsheetWouldRunIsDefused() {
        assertThat(CsvReport.COLUMNS).hasSize(17);
        UsageReport report = reports.report(data.admin, data.org, new UsageReportRequest(null, null,
                java.time.LocalDate.of(2026, 3, 1), java.time.LocalDate.of(2026, 3, 31), null));
        var named = new UsageReport(report.orgId(), report.organizationName(), report.timeZone(), report.request(),
                report.previousFrom(), report.previousTo(), report.periods(),
                List.of(new UsageReport.Subject(data.org.value(), "=HYPERLINK(\"x\"),\nnext", report.total(),
                        report.previousTotal(), report.totalPerPeriod())),
                report.total(), report.totalPerPeriod(), report.previousTotal(), report.environment(), report.generatedAt());
        String csv = new String(CsvReport.render(named), StandardCharsets.UTF_8);
        assertThat(csv).contains(",\"'=HYPERLINK(\"\"x\"\"),\nnext\",");
    }

    @Test
    void thePdfIsADocumentWithTitleOrganizationPeriodAndTables() throws Exception {
        byte[] pdf = mvc.perform(get(REPORT + ".pdf?by=person&from=2026-03-01&to=2026-03-31", data.org).with(as(data.admin)))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", "application/pdf"))
                .andReturn().getResponse().getContentAsByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isPositive();
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Usage by person", organizations.get(data.admin, data.org).name(),
                    "2026-03-01", "2026-03-31", "Europe/Berlin", "Compared with 2026-02-01 to 2026-02-28", "Generated",
                    "Colour pages", "Sheets of paper", "Person " + bobEmailStart(), "Saved by two-sided printing");
            assertThat(document.getPage(0).getResources().getXObjectNames()).as("the charts are vector forms, not images")
                    .allSatisfy(name -> assertThat(document.getPage(0).getResources().isImageXObject(name)).isFalse());
        }
        byte[] german = exports.export(data.admin, data.org, new UsageReportRequest(UsageReportRequest.Dimension.DEVICE, null,
                java.time.LocalDate.of(2026, 3, 1), java.time.LocalDate.of(2026, 3, 31), null), ExportFormat.PDF,
                Locale.GERMAN).content();
        try (PDDocument document = Loader.loadPDF(german)) {
            assertThat(new PDFTextStripper().getText(document)).contains("Nutzung nach Drucker", "Printer A", "Blatt Papier");
        }
    }

    /** Bob's display name after "Person " (World names people "Person " + the start of their address). */
    private String bobEmailStart() {
        return reports.report(data.admin, data.org, UsageReportRequest.ownUsage(data.bob.userId().value(), null,
                java.time.LocalDate.of(2026, 2, 1), java.time.LocalDate.of(2026, 2, 28))).subjects().get(0).name()
                .substring("Person ".length());
    }
}
