package org.opencps.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.devices.ActivationCodes;
import org.opencps.devices.DeviceKind;
import org.opencps.devices.DeviceRegistration;
import org.opencps.devices.DeviceRegistrations;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.opencps.printing.DocumentFormat;
import org.opencps.printing.JobTicket;
import org.opencps.printing.PrintJob;
import org.opencps.printing.PrintJobs;
import org.opencps.printing.SampleDocuments;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The release page (the QR code's) posts, redirects and shows the outcome once: a reload sends no release again. */
@OpenCpsTest
@RealCsrfTokens
class PortalReleasePageTest {

    @Autowired MockMvc mvc;
    @Autowired World world;
    @Autowired ActivationCodes activationCodes;
    @Autowired DeviceRegistrations registrations;
    @Autowired PrintJobs jobs;

    @Test
    void theOutcomeIsShownOnceAfterTheRedirectAndAReloadReleasesNothing() throws Exception {
        OrgId org = world.customer(world.root(), "Reload Ltd");
        Actor admin = world.person(org, FixedRole.CUSTOMER_ADMIN).actor();
        var person = world.person(org, FixedRole.CUSTOMER_USER);
        var code = activationCodes.create(admin, org, null, "reload").code();
        String page = "/release/" + registrations.register(new DeviceRegistration(code, DeviceKind.PRINTER, "Reload printer", "Model",
                "SN-R", "reload.local", "192.0.2.20"), "127.0.0.1").deviceId().value();
        var job = jobs.submit(person.actor(), new JobTicket("reloaded", DocumentFormat.PDF, 1, null, null, null, null),
                new ByteArrayInputStream(SampleDocuments.pdf(1))).id();
        var browser = new PortalVisitor(mvc);
        browser.logIn(person.email());
        browser.open(page);

        MvcResult released = browser.submit(page, "jobIds=" + job);

        assertThat(released.getResponse().getStatus()).isEqualTo(302);
        assertThat(released.getResponse().getRedirectedUrl()).isEqualTo(page);
        assertThat(jobs.get(person.actor(), job).state()).isEqualTo(PrintJob.State.RELEASED);
        assertThat(browser.open(page).getResponse().getContentAsString())
                .contains("id=\"release-result\"").contains("1 job was sent to the printer.");
        assertThat(browser.open(page).getResponse().getContentAsString()).doesNotContain("release-result")
                .contains("You have no held jobs to release.");
    }

    @Test
    void aReleaseOfNothingSaysWhatToDoAfterTheRedirect() throws Exception {
        OrgId org = world.customer(world.root(), "Empty Ltd");
        Actor admin = world.person(org, FixedRole.CUSTOMER_ADMIN).actor();
        var person = world.person(org, FixedRole.CUSTOMER_USER);
        var code = activationCodes.create(admin, org, null, "empty").code();
        String page = "/release/" + registrations.register(new DeviceRegistration(code, DeviceKind.PRINTER, "Empty printer", "Model",
                "SN-E", "empty.local", "192.0.2.21"), "127.0.0.1").deviceId().value();
        jobs.submit(person.actor(), new JobTicket("kept", DocumentFormat.PDF, 1, null, null, null, null),
                new ByteArrayInputStream(SampleDocuments.pdf(1)));
        var browser = new PortalVisitor(mvc);
        browser.logIn(person.email());
        browser.open(page);

        MvcResult refused = browser.submit(page, "");

        assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo(page);
        assertThat(browser.open(page).getResponse().getContentAsString()).contains("choose at least one job to release")
                .contains("kept");
        assertThat(jobs.mine(person.actor())).singleElement().satisfies(job -> assertThat(job.state()).isEqualTo(PrintJob.State.HELD));
    }
}
