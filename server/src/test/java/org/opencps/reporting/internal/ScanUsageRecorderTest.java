package org.opencps.reporting.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencps.testing.Eventually.allEventsDelivered;
import static org.opencps.testing.Eventually.eventually;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.jayway.jsonpath.JsonPath;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.devices.DeviceKit;
import org.opencps.identity.Groups;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.opencps.platform.security.ActorAuthentication;
import org.opencps.printing.SampleDocuments;
import org.opencps.reporting.UsageFigures;
import org.opencps.reporting.UsageReportRequest;
import org.opencps.reporting.UsageReportRequest.Dimension;
import org.opencps.reporting.UsageReports;
import org.opencps.scanning.DestinationKind;
import org.opencps.scanning.ScanFormat;
import org.opencps.scanning.ScanKit;
import org.opencps.scanning.ScanReceived;
import org.opencps.tenancy.OrganizationSettings;
import org.opencps.tenancy.Organizations;
import org.opencps.testing.OpenCpsTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Scans received at a device reach the usage reports: their pages count as scanned pages for the
 * organization, the person, their groups and the device (and as nothing printed); a redelivered
 * event counts once; a rebuild in a new time zone keeps them.
 */
@OpenCpsTest
@Import({DeviceKit.class, ScanKit.class})
class ScanUsageRecorderTest {

    @Autowired MockMvc mvc;
    @Autowired ScanKit kit;
    @Autowired UsageReports reports;
    @Autowired Groups groups;
    @Autowired Organizations organizations;
    @Autowired ScanUsageRecorder recorder;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    @Test
    void scannedPagesCountForTheOrganizationPersonGroupAndDevice() throws Exception {
        var site = kit.site("Scan usage co");
        var alice = kit.scanner(site, FixedRole.CUSTOMER_USER);
        var bob = kit.scanner(site, FixedRole.CUSTOMER_USER);
        var admin = kit.scanner(site, FixedRole.CUSTOMER_ADMIN).person().actor();
        UUID team = groups.create(admin, site.org(), "Team").id();
        groups.addMember(admin, site.org(), team, alice.person().userId());

        kit.accepted(alice, "to=me", "application/pdf", SampleDocuments.pdf(3));
        kit.accepted(alice, "to=me", "application/pdf", SampleDocuments.pdf(2));
        kit.accepted(bob, "to=me", "image/jpeg", SampleDocuments.jpeg(40, 30));

        eventually(() -> assertThat(total(admin, site.org(), Dimension.ORGANIZATION, null).scannedPages()).isEqualTo(6));
        UsageFigures organization = total(admin, site.org(), Dimension.ORGANIZATION, null);
        assertThat(organization.jobs()).isZero();
        assertThat(organization.reportedPages()).isZero();
        assertThat(total(admin, site.org(), Dimension.PERSON, alice.person().userId().value()).scannedPages()).isEqualTo(5);
        assertThat(total(admin, site.org(), Dimension.PERSON, bob.person().userId().value()).scannedPages()).isEqualTo(1);
        assertThat(total(admin, site.org(), Dimension.GROUP, team).scannedPages()).isEqualTo(5);
        assertThat(total(admin, site.org(), Dimension.DEVICE, site.printer().id().value()).scannedPages()).isEqualTo(6);

        String report = mvc.perform(get("/api/v1/organizations/" + site.org() + "/usage/report?per=day&from=" + day(-1) + "&to=" + day(1))
                .with(authentication(new ActorAuthentication(admin)))).andReturn().getResponse().getContentAsString();
        assertThat(((Number) JsonPath.read(report, "$.total.scannedPages")).intValue()).isEqualTo(6);
        String dashboard = mvc.perform(get("/orgs/" + site.org() + "/usage?from=" + day(-1) + "&to=" + day(1))
                .with(authentication(new ActorAuthentication(admin)))).andReturn().getResponse().getContentAsString();
        assertThat(dashboard).containsPattern("id=\"total-scanned\">6<");
    }

    @Test
    void aRedeliveredScanCountsOnceAndARebuildInANewTimeZoneKeepsTheScans() throws Exception {
        var site = kit.site("Scan usage redelivery co");
        var person = kit.scanner(site, FixedRole.CUSTOMER_USER);
        var admin = kit.scanner(site, FixedRole.CUSTOMER_ADMIN).person().actor();
        UUID scan = kit.accepted(person, "to=me", "application/pdf", SampleDocuments.pdf(3));
        eventually(() -> assertThat(total(admin, site.org(), Dimension.ORGANIZATION, null).scannedPages()).isEqualTo(3));

        var again = new ScanReceived(site.org(), scan, person.person().userId(), site.printer().id(), DestinationKind.MY_SCANS,
                ScanFormat.PDF, 3, 1000, clock.instant());
        transactions.executeWithoutResult(status -> recorder.on(again));
        assertThat(total(admin, site.org(), Dimension.ORGANIZATION, null).scannedPages()).isEqualTo(3);

        OrganizationSettings now = organizations.settings(admin, site.org());
        organizations.updateSettings(admin, site.org(), new OrganizationSettings(now.idleLogoutMinutes(), now.jobRetentionHours(),
                now.ipAllowList(), now.deviceLoginMethods(), "Asia/Tokyo"), "127.0.0.1");
        allEventsDelivered(jdbc);
        assertThat(total(admin, site.org(), Dimension.ORGANIZATION, null).scannedPages()).isEqualTo(3);
        assertThat(total(admin, site.org(), Dimension.PERSON, person.person().userId().value()).scannedPages()).isEqualTo(3);
    }

    private UsageFigures total(Actor admin, OrgId org, Dimension dimension, UUID subject) {
        return reports.report(admin, org, new UsageReportRequest(dimension, UsageReportRequest.Per.DAY,
                LocalDate.parse(day(-1)), LocalDate.parse(day(1)), subject)).total();
    }

    private String day(int offset) {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(offset).toString();
    }
}
