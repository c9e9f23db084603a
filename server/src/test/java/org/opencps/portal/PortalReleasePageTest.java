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
import org.opencps.printing.JobId;
import org.opencps.printing.JobTicket;
import org.opencps.printing.JobTicket.ColorMode;
import org.opencps.printing.JobTicket.Sides;
import org.opencps.printing.PrintJob;
import org.opencps.printing.PrintAdministration;
import org.opencps.printing.PrintJobs;
import org.opencps.printing.PrintSettings;
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
    @Autowired PrintAdministration administration;

    @Test
    void theOutcomeIsShownOnceAfterTheRedirectAndAReloadReleasesNothing() throws Exception {
        OrgId org = world.customer(world.root(), "Reload Ltd");
        Actor admin = world.person(org, FixedRole.CUSTOMER_ADMIN).actor();
        var person = world.person(org, FixedRole.CUSTOMER_USER);
        String page = releasePage(org, admin, "reload");
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
        String page = releasePage(org, admin, "empty");
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

    @Test
    void copiesColourAndSidesChosenOnThePageAreWhatTheJobIsReleasedWith() throws Exception {
        OrgId org = world.customer(world.root(), "Options Ltd");
        Actor admin = world.person(org, FixedRole.CUSTOMER_ADMIN).actor();
        var person = world.person(org, FixedRole.CUSTOMER_USER);
        String page = releasePage(org, admin, "options");
        JobId job = submit(person.actor(), "handout", 2, 1, ColorMode.COLOR, Sides.ONE_SIDED);
        var browser = new PortalVisitor(mvc);
        browser.logIn(person.email());
        String shown = browser.open(page).getResponse().getContentAsString();
        assertThat(shown).contains("<label for=\"release-copies\">Copies</label>").contains("<label for=\"release-colour\">")
                .contains("<label for=\"release-sides\">").contains("From 1 to 999.")
                .contains("<option value=\"TWO_SIDED_SHORT_EDGE\">Two-sided, short edge</option>")
                .doesNotContain("disabled=\"disabled\"").doesNotContain("style=");

        browser.submit(page, "jobIds=" + job + "&copies=3&colorMode=MONOCHROME&sides=TWO_SIDED_SHORT_EDGE");

        PrintJob.Delivery delivery = jobs.get(person.actor(), job).delivery();
        assertThat(delivery.copies()).isEqualTo(3);
        assertThat(delivery.colorMode()).isEqualTo(ColorMode.MONOCHROME);
        assertThat(delivery.sides()).isEqualTo(Sides.TWO_SIDED_SHORT_EDGE);
        assertThat(delivery.countedPages()).isEqualTo(6);
        assertThat(browser.open(page).getResponse().getContentAsString()).contains("1 job was sent to the printer.");
    }

    @Test
    void leftAsSubmittedAJobKeepsItsOwnTicket() throws Exception {
        OrgId org = world.customer(world.root(), "Submitted Ltd");
        Actor admin = world.person(org, FixedRole.CUSTOMER_ADMIN).actor();
        var person = world.person(org, FixedRole.CUSTOMER_USER);
        String page = releasePage(org, admin, "submitted");
        JobId job = submit(person.actor(), "as sent", 1, 2, ColorMode.COLOR, Sides.TWO_SIDED_LONG_EDGE);
        var browser = new PortalVisitor(mvc);
        browser.logIn(person.email());
        browser.open(page);

        browser.submit(page, "jobIds=" + job + "&copies=&colorMode=&sides=");

        PrintJob.Delivery delivery = jobs.get(person.actor(), job).delivery();
        assertThat(delivery.copies()).isEqualTo(2);
        assertThat(delivery.colorMode()).isEqualTo(ColorMode.COLOR);
        assertThat(delivery.sides()).isEqualTo(Sides.TWO_SIDED_LONG_EDGE);
    }

    @Test
    void aForcedPolicyIsShownFixedAndStillAppliesToWhatAFormAsksFor() throws Exception {
        OrgId org = world.customer(world.root(), "Forced Release Ltd");
        Actor admin = world.person(org, FixedRole.CUSTOMER_ADMIN).actor();
        var person = world.person(org, FixedRole.CUSTOMER_USER);
        String page = releasePage(org, admin, "forced");
        administration.updateSettings(admin, org, new PrintSettings(true, true, true, null, null));
        JobId job = submit(person.actor(), "poster", 1, 1, ColorMode.COLOR, Sides.ONE_SIDED);
        var browser = new PortalVisitor(mvc);
        browser.logIn(person.email());
        String shown = browser.open(page).getResponse().getContentAsString();
        assertThat(shown).contains("Your organization prints everything in black and white.")
                .contains("Your organization prints everything on both sides")
                .containsPattern("<select id=\"release-colour\" name=\"colorMode\"[^>]* disabled=\"disabled\">")
                .contains("<option value=\"ONE_SIDED\" disabled=\"disabled\">One-sided</option>");

        browser.submit(page, "jobIds=" + job + "&colorMode=COLOR&sides=ONE_SIDED");

        PrintJob.Delivery delivery = jobs.get(person.actor(), job).delivery();
        assertThat(delivery.colorMode()).isEqualTo(ColorMode.MONOCHROME);
        assertThat(delivery.sides()).isEqualTo(Sides.TWO_SIDED_LONG_EDGE);
    }

    @Test
    void copiesThatBreakTheMostPagesPerJobRefuseThatJobWithTheReason() throws Exception {
        OrgId org = world.customer(world.root(), "Limited Ltd");
        Actor admin = world.person(org, FixedRole.CUSTOMER_ADMIN).actor();
        var person = world.person(org, FixedRole.CUSTOMER_USER);
        String page = releasePage(org, admin, "limited");
        administration.updateSettings(admin, org, new PrintSettings(true, false, false, 5, null));
        JobId big = submit(person.actor(), "big", 2, 1, ColorMode.MONOCHROME, Sides.ONE_SIDED);
        JobId small = submit(person.actor(), "small", 1, 1, ColorMode.MONOCHROME, Sides.ONE_SIDED);
        var browser = new PortalVisitor(mvc);
        browser.logIn(person.email());
        assertThat(browser.open(page).getResponse().getContentAsString())
                .contains("Your organization prints at most 5 pages per job (pages x copies).");

        browser.submit(page, "jobIds=" + big + "&jobIds=" + small + "&copies=3");

        assertThat(jobs.get(person.actor(), big).state()).isEqualTo(PrintJob.State.HELD);
        assertThat(jobs.get(person.actor(), small).delivery().copies()).isEqualTo(3);
        assertThat(browser.open(page).getResponse().getContentAsString()).contains("1 job was sent to the printer.")
                .contains("big: This job would print 6 pages (2 × 3 copies); this organization allows at most 5 pages per job.");
    }

    @Test
    void choicesThatCannotBeReadAreAnErrorOnThePageAndReleaseNothing() throws Exception {
        OrgId org = world.customer(world.root(), "Careless Ltd");
        Actor admin = world.person(org, FixedRole.CUSTOMER_ADMIN).actor();
        var person = world.person(org, FixedRole.CUSTOMER_USER);
        String page = releasePage(org, admin, "careless");
        JobId job = submit(person.actor(), "kept", 1, 1, ColorMode.MONOCHROME, Sides.ONE_SIDED);
        var browser = new PortalVisitor(mvc);
        browser.logIn(person.email());
        var refusals = java.util.Map.of(
                "copies=0", "The number of copies is between 1 and 999.",
                "copies=1000", "The number of copies is between 1 and 999.",
                "copies=abc", "The number of copies is between 1 and 999.",
                "copies=2.5", "The number of copies is between 1 and 999.",
                "copies=-1", "The number of copies is between 1 and 999.",
                "colorMode=RAINBOW", "choose colour, black and white or as submitted",
                "colorMode=AUTO", "choose colour, black and white or as submitted",
                "sides=BOTH", "choose one of the offered sides, or as submitted");
        for (var refused : refusals.entrySet()) {
            browser.open(page);

            MvcResult result = browser.submit(page, "jobIds=" + job + "&copies=999&" + refused.getKey());

            assertThat(result.getResponse().getRedirectedUrl()).as(refused.getKey()).isEqualTo(page);
            assertThat(browser.open(page).getResponse().getContentAsString()).as(refused.getKey())
                    .contains(refused.getValue()).doesNotContain("release-result");
            assertThat(jobs.get(person.actor(), job).state()).as(refused.getKey()).isEqualTo(PrintJob.State.HELD);
        }
        browser.open(page);
        browser.submit(page, "jobIds=" + job + "&copies=999");
        assertThat(jobs.get(person.actor(), job).delivery().copies()).as("the most copies").isEqualTo(999);
    }

    private String releasePage(OrgId org, Actor admin, String name) {
        var code = activationCodes.create(admin, org, null, name).code();
        return "/release/" + registrations.register(new DeviceRegistration(code, DeviceKind.PRINTER, name + " printer", "Model",
                "SN-" + name, name + ".local", "192.0.2.20"), "127.0.0.1").deviceId().value();
    }

    private JobId submit(Actor person, String name, int pages, int copies, ColorMode colour, Sides sides) {
        return jobs.submit(person, new JobTicket(name, DocumentFormat.PDF, copies, sides, colour, null, null),
                new ByteArrayInputStream(SampleDocuments.pdf(pages))).id();
    }
}
