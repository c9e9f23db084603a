package org.opencps.reporting.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencps.testing.Api.json;
import static org.opencps.testing.Eventually.eventually;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.access.RoleRef;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.opencps.platform.security.ActorAuthentication;
import org.opencps.reporting.internal.export.CsvReport;
import org.opencps.reporting.schedule.internal.ScheduleRunner;
import org.opencps.testing.AuditRecords;
import org.opencps.testing.MutableClock;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.RowCounts;
import org.opencps.testing.World;
import org.opencps.testing.peers.SmtpServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Scheduled reports through the API, sent by the runner on the injected clock to a real SMTP
 * server: once per period, the periods missed while no server ran sent when one runs again, only
 * to confirmed recipients, and only by those the access table lets schedule.
 */
@OpenCpsTest
class ReportSchedulesTest {

    private static final SmtpServer SMTP = SmtpServer.start();
    private static final Pattern CONFIRM = Pattern.compile("/report-recipients/confirm/(rc_[A-Za-z0-9_-]+)");

    @Autowired MockMvc mvc;
    @Autowired World world;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;
    @Autowired ScheduleRunner runner;
    @Autowired org.opencps.identity.Users users;
    @Autowired org.opencps.tenancy.Organizations organizations;

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        SMTP.configure(registry);
        // the test runs the schedules itself, on its clock
        registry.add("opencps.reporting.schedule-check-interval", () -> "1d");
    }

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    private static String address(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    private ResultActions call(Actor actor, org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(authentication(new ActorAuthentication(actor))));
    }

    private String recipient(Actor admin, OrgId org, String email, boolean confirm) throws Exception {
        String body = call(admin, json(post("/api/v1/organizations/" + org + "/report-recipients"),
                "{\"email\":\"" + email + "\",\"language\":\"en\"}")).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        if (confirm) {
            Matcher m = CONFIRM.matcher(SMTP.messagesTo(email).getFirst().getContent().toString());
            assertThat(m.find()).isTrue();
            mvc.perform(post("/api/v1/public/report-recipients/confirmations/" + m.group(1))).andExpect(status().isOk());
        }
        return JsonPath.read(body, "$.id");
    }

    private ResultActions schedule(Actor actor, OrgId org, String kind, String cadence, String formats, String people, String recipients)
            throws Exception {
        return call(actor, json(post("/api/v1/organizations/" + org + "/report-schedules"), """
                {"kind":"%s","cadence":"%s","formats":[%s],"language":"en","people":[%s],"recipients":[%s]}"""
                .formatted(kind, cadence, formats, people, recipients)));
    }

    private static String csvOf(MimeMessage mail) throws Exception {
        Multipart parts = (Multipart) mail.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            Part part = parts.getBodyPart(i);
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                assertThat(part.getFileName()).endsWith(".csv");
                var out = new ByteArrayOutputStream();
                part.getInputStream().transferTo(out);
                return out.toString(StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no attachment");
    }

    /** The plain text of a mail, found in its (nested) parts. */
    private static String textOf(Part part) throws Exception {
        if (part.isMimeType("text/plain") && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return part.getContent().toString();
        }
        if (part.getContent() instanceof Multipart parts) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < parts.getCount(); i++) {
                text.append(textOf(parts.getBodyPart(i)));
            }
            return text.toString();
        }
        return "";
    }

    private List<String> subjectsTo(String email) throws Exception {
        List<String> subjects = new ArrayList<>();
        for (MimeMessage m : SMTP.messagesTo(email)) {
            subjects.add(m.getSubject());
        }
        return subjects;
    }

    @Test
    void periodsMissedWhileNoServerRanAreSentOnceEachWhenOneRunsAgain() throws Exception {
        clock.set(Instant.parse("2030-05-06T09:30:00Z"));
        OrgId org = world.customer(world.root(), "Schedule Co");
        var admin = world.person(org, FixedRole.CUSTOMER_ADMIN);
        String confirmed = address("confirmed");
        String pending = address("pending");
        String leaving = address("leaving");
        String confirmedId = recipient(admin.actor(), org, confirmed, true);
        String pendingId = recipient(admin.actor(), org, pending, false);
        String leavingId = recipient(admin.actor(), org, leaving, true);
        schedule(admin.actor(), org, "CUSTOMER_CONTRACT", "DAILY", "\"CSV\"", "\"" + admin.userId() + "\"",
                "\"" + confirmedId + "\",\"" + pendingId + "\",\"" + leavingId + "\"").andExpect(status().isCreated());

        runner.sendDueReports();
        assertThat(SMTP.messagesTo(admin.email())).as("the first day is not over yet").isEmpty();

        // no server ran for three days and a bit: the three days over since are due, today is not
        clock.advance(Duration.ofDays(3));
        runner.sendDueReports();
        List<String> expected = List.of(
                "Customer contract report, Schedule Co: 2030-05-06 to 2030-05-06",
                "Customer contract report, Schedule Co: 2030-05-07 to 2030-05-07",
                "Customer contract report, Schedule Co: 2030-05-08 to 2030-05-08");
        assertThat(subjectsTo(admin.email())).containsExactlyElementsOf(expected);
        // after the confirmation request each recipient got
        assertThat(subjectsTo(confirmed).subList(1, 4)).containsExactlyElementsOf(expected);
        assertThat(subjectsTo(leaving).subList(1, 4)).containsExactlyElementsOf(expected);
        assertThat(subjectsTo(pending)).as("only the confirmation request").hasSize(1);

        MimeMessage toRecipient = SMTP.messagesTo(confirmed).get(1);
        assertThat(toRecipient.getHeader("List-Unsubscribe")).isNotNull();
        String csv = csvOf(toRecipient);
        assertThat(csv).startsWith("organization,status,plan,term_start,term_end,devices_allowed,devices_used,users,pages\r\n")
                .contains("Schedule Co,ACTIVE,standard,2026-01-01,2027-12-31,10,0,1,0\r\n");

        runner.sendDueReports();
        assertThat(SMTP.messagesTo(admin.email())).as("each period once").hasSize(3);

        // one recipient leaves with the link from its mail; the next day goes to the others only
        Matcher unsubscribe = Pattern.compile("/report-recipients/unsubscribe/(ru_[A-Za-z0-9_.-]+)")
                .matcher(textOf(SMTP.messagesTo(leaving).getLast()));
        assertThat(unsubscribe.find()).isTrue();
        mvc.perform(post("/api/v1/public/report-recipients/unsubscribe/" + unsubscribe.group(1))).andExpect(status().isNoContent());
        clock.advance(Duration.ofDays(1));
        runner.sendDueReports();
        assertThat(SMTP.messagesTo(admin.email())).hasSize(4);
        assertThat(SMTP.messagesTo(confirmed)).hasSize(5);
        assertThat(SMTP.messagesTo(leaving)).hasSize(4);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM reporting_schedule_run WHERE org_id = ? AND status = 'SENT'").param(org.value())
                .query(Long.class).single()).isEqualTo(4);
        assertThat(jdbc.sql("SELECT MIN(period_start) FROM reporting_schedule_run WHERE org_id = ?").param(org.value())
                .query(LocalDate.class).single()).isEqualTo(LocalDate.ofInstant(Instant.parse("2030-05-06T09:30:00Z"), ZoneOffset.UTC));
    }

    @Test
    void badSchedulesAreRefusedWithAClearErrorAndNothingWritten() throws Exception {
        OrgId org = world.customer(world.root(), "Bad schedule Co");
        var admin = world.person(org, FixedRole.CUSTOMER_ADMIN);
        OrgId other = world.customer(world.root(), "Stranger Schedules Co");
        var stranger = world.person(other, FixedRole.CUSTOMER_ADMIN);
        String me = "\"" + admin.userId() + "\"";
        Map<String, Integer> before = RowCounts.of(jdbc, "reporting_schedule");
        schedule(admin.actor(), org, "NO_SUCH_REPORT", "DAILY", "\"CSV\"", me, "").andExpect(status().isUnprocessableContent());
        schedule(admin.actor(), org, "CUSTOMER_CONTRACT", "HOURLY", "\"CSV\"", me, "").andExpect(status().isBadRequest());
        schedule(admin.actor(), org, "CUSTOMER_CONTRACT", "DAILY", "", me, "").andExpect(status().isUnprocessableContent());
        // every kind is sent as CSV and PDF (reports-portal); a format that does not exist is a malformed request
        schedule(admin.actor(), org, "CUSTOMER_CONTRACT", "DAILY", "\"XLSX\"", me, "").andExpect(status().isBadRequest());
        schedule(admin.actor(), org, "CUSTOMER_CONTRACT", "DAILY", "\"CSV\"", "", "").andExpect(status().isUnprocessableContent());
        schedule(admin.actor(), org, "CUSTOMER_CONTRACT", "DAILY", "\"CSV\"", "\"" + stranger.userId() + "\"", "")
                .andExpect(status().isUnprocessableContent());
        schedule(admin.actor(), org, "CUSTOMER_CONTRACT", "DAILY", "\"CSV\"", "", "\"" + UUID.randomUUID() + "\"")
                .andExpect(status().isUnprocessableContent());
        schedule(admin.actor(), org, "PROVIDER_CONTRACT", "DAILY", "\"CSV\"", me, "").andExpect(status().is4xxClientError());
        assertThat(RowCounts.of(jdbc, "reporting_schedule")).isEqualTo(before);
    }

    /** The access table for schedules: customer admins (and provider admins for their own provider) only. */
    @Test
    void onlyScheduleManagersOfTheOrganizationListCreateOrDeleteSchedules() throws Exception {
        OrgId provider = world.provider(world.root(), "Schedules provider");
        OrgId org = world.customer(provider, "Scheduled Co");
        OrgId other = world.customer(world.root(), "Other scheduled Co");
        var admin = world.person(org, FixedRole.CUSTOMER_ADMIN);
        String body = schedule(admin.actor(), org, "CONTRACT_HISTORY", "MONTHLY", "\"CSV\"", "\"" + admin.userId() + "\"", "")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(body, "$.id");
        Map<String, Integer> before = RowCounts.of(jdbc, "reporting_");

        Map<Actor, Integer> refused = Map.of(
                world.person(org, FixedRole.PRINT_MANAGER).actor(), 403,
                world.person(org, FixedRole.CUSTOMER_USER).actor(), 403,
                world.person(provider, FixedRole.PROVIDER_ADMIN).actor(), 403,
                world.person(provider, FixedRole.PROVIDER_SUPPORT).actor(), 403,
                world.person(other, FixedRole.CUSTOMER_ADMIN).actor(), 404);
        for (var caller : refused.entrySet()) {
            int expected = caller.getValue();
            call(caller.getKey(), get("/api/v1/organizations/" + org + "/report-schedules")).andExpect(status().is(expected));
            schedule(caller.getKey(), org, "CONTRACT_HISTORY", "DAILY", "\"CSV\"", "\"" + admin.userId() + "\"", "")
                    .andExpect(status().is(expected));
            call(caller.getKey(), delete("/api/v1/organizations/" + org + "/report-schedules/" + id)).andExpect(status().is(expected));
        }
        Actor strangerAdmin = refused.keySet().stream().filter(a -> a.orgId().equals(other)).findFirst().orElseThrow();
        call(strangerAdmin, delete("/api/v1/organizations/" + other + "/report-schedules/" + id)).andExpect(status().isNotFound());
        assertThat(RowCounts.of(jdbc, "reporting_")).isEqualTo(before);

        // a provider admin schedules the provider's own contract report
        var providerAdmin = world.person(provider, FixedRole.PROVIDER_ADMIN);
        schedule(providerAdmin.actor(), provider, "PROVIDER_CONTRACT", "WEEKLY", "\"CSV\"", "\"" + providerAdmin.userId() + "\"", "")
                .andExpect(status().isCreated());
        call(admin.actor(), get("/api/v1/organizations/" + org + "/report-schedules")).andExpect(status().isOk());
        call(admin.actor(), delete("/api/v1/organizations/" + org + "/report-schedules/" + id)).andExpect(status().isNoContent());
    }

    // reports-portal: the usage kinds, sent as their creator; stopped when the creator lost access; discontinued organizations
    @Test
    void aUsageReportIsSentInItsCreatorsNameUntilTheyMayNoLongerSeeIt() throws Exception {
        clock.set(Instant.parse("2030-06-03T09:00:00Z"));
        OrgId org = world.customer(world.root(), "Usage schedule " + UUID.randomUUID());
        var creator = world.person(org, FixedRole.CUSTOMER_ADMIN);
        var otherAdmin = world.person(org, FixedRole.CUSTOMER_ADMIN);
        var reader = world.person(org, FixedRole.CUSTOMER_USER);
        schedule(creator.actor(), org, "USAGE_PERSON", "DAILY", "\"CSV\",\"PDF\"", "\"" + reader.userId() + "\"", "").andExpect(status().isCreated());

        clock.advance(Duration.ofDays(1));
        runner.sendDueReports();
        assertThat(SMTP.messagesTo(reader.email())).hasSize(1);
        Map<String, byte[]> files = attachments(SMTP.messagesTo(reader.email()).getFirst());
        assertThat(files).containsOnlyKeys("usage-person-2030-06-03-2030-06-03.csv", "usage-person-2030-06-03-2030-06-03.pdf");
        assertThat(new String(files.get("usage-person-2030-06-03-2030-06-03.csv"), StandardCharsets.UTF_8))
                .startsWith(String.join(",", CsvReport.COLUMNS) + "\r\n");
        try (PDDocument pdf = Loader.loadPDF(files.get("usage-person-2030-06-03-2030-06-03.pdf"))) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("Usage by person", "Usage schedule");
        }

        // the creator is an admin no more: the next periods are not sent, the schedule stops and says so
        users.setRoles(otherAdmin.actor(), org, creator.userId(), Set.of(RoleRef.of(FixedRole.CUSTOMER_USER)));
        clock.advance(Duration.ofDays(2));
        runner.sendDueReports();
        runner.sendDueReports();
        assertThat(SMTP.messagesTo(reader.email())).hasSize(1);
        assertThat(jdbc.sql("SELECT stopped_at FROM reporting_schedule WHERE org_id = ?").param(org.value())
                .query(java.time.OffsetDateTime.class).single().toInstant()).isEqualTo(clock.instant());
        String page = call(otherAdmin.actor(), get("/orgs/" + org + "/report-schedules")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(Jsoup.parse(page).select("td[data-stopped=true]")).hasSize(1)
                .allSatisfy(cell -> assertThat(cell.text()).contains("may no longer see this report"));
        // audit-gaps: the service stopped it, so the record names no actor; the admins read it in their trail
        eventually(() -> assertThat(new AuditRecords(mvc).of(otherAdmin.actor(), org,
                "REPORT_SCHEDULE_STOPPED")).singleElement().satisfies(record -> assertThat(record)
                .containsEntry("actor", null).containsEntry("detail", "stopped: false -> true")));

        // made admin again, the stopped schedule stays stopped: someone who may see it schedules it anew
        users.setRoles(otherAdmin.actor(), org, creator.userId(), Set.of(RoleRef.of(FixedRole.CUSTOMER_ADMIN)));
        clock.advance(Duration.ofDays(1));
        runner.sendDueReports();
        assertThat(SMTP.messagesTo(reader.email())).hasSize(1);
    }

    @Test
    void aDiscontinuedOrganizationsSchedulesSendNothing() throws Exception {
        clock.set(Instant.parse("2030-07-01T09:00:00Z"));
        OrgId org = world.customer(world.root(), "Discontinued schedule " + UUID.randomUUID());
        var admin = world.person(org, FixedRole.CUSTOMER_ADMIN);
        schedule(admin.actor(), org, "USAGE_ORGANIZATION", "DAILY", "\"CSV\"", "\"" + admin.userId() + "\"", "").andExpect(status().isCreated());
        clock.advance(Duration.ofDays(1));
        runner.sendDueReports();
        assertThat(SMTP.messagesTo(admin.email())).as("sent while active").hasSize(1);

        organizations.discontinue(world.rootAdmin().actor(), org);
        clock.advance(Duration.ofDays(2));
        runner.sendDueReports();
        assertThat(SMTP.messagesTo(admin.email())).hasSize(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM reporting_schedule_run WHERE org_id = ?").param(org.value())
                .query(Long.class).single()).isEqualTo(1);
    }

    /** Each attachment of a mail by file name. */
    private static Map<String, byte[]> attachments(MimeMessage mail) throws Exception {
        Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        Multipart parts = (Multipart) mail.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            Part part = parts.getBodyPart(i);
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                var out = new ByteArrayOutputStream();
                part.getInputStream().transferTo(out);
                files.put(part.getFileName(), out.toByteArray());
            }
        }
        return files;
    }
}
