package org.opencps.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.opencps.printing.SampleDocuments;
import org.opencps.access.FixedRole;
import org.opencps.testing.Outbox;
import org.opencps.testing.World;
import org.opencps.testing.browser.Browser;
import org.opencps.testing.browser.Printer;
import org.opencps.testing.browser.PortalFlows;
import org.opencps.testing.browser.PortalServerTest;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The portal clicked through in headless Chromium against the real server: the bootstrap admin
 * creates a provider, whose admin creates a customer with a license; the customer's admin accepts
 * the invitation, invites a user and a print manager and registers a printer (which then speaks
 * the Device API); the print manager sets the user's quota; the user uploads a PDF, sees it held,
 * releases it on the printer's QR page (at a phone's width, two copies), and once the printer reports it printed sees usage and
 * quota change. The provider sees the device count roll up and the customer's devices, but cannot
 * open its users or the user's job.
 */
@PortalServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalEndToEndTest {

    static final String PROVIDER_ADMIN = "sales.admin@provider.example";
    static final String CUSTOMER_ADMIN = "it@acme.example";
    static final String USER = "ada@acme.example";
    static final String PRINT_MANAGER = "pat@acme.example";

    @LocalServerPort int port;
    @Autowired Outbox outbox;
    @Autowired World world;
    @TempDir Path files;

    Browser browser;
    PortalFlows flows;

    @BeforeAll
    void openBrowser() {
        browser = Browser.start("http://127.0.0.1:" + port);
        flows = new PortalFlows(browser, outbox);
    }

    @AfterAll
    void closeBrowser() {
        browser.close();
    }

    @Test
    void fromBootstrapAdminToAPrintedJobWithEveryRoleSeeingOnlyItsPart() throws Exception {
        flows.login(PortalFlows.ROOT_EMAIL);
        assertThat(browser.path()).as("the bootstrap admin's password came from the environment").isEqualTo("/account/password-change");
        browser.open("/orgs/any/organizations");
        assertThat(browser.path()).as("no other page until it is changed").isEqualTo("/account/password-change");
        flows.chooseOwnPassword(World.PASSWORD, PortalFlows.ROOT_OWN_PASSWORD).acceptCookies();
        assertThat(browser.driver().findElements(By.cssSelector(".consent"))).as("cookie notice after consent").isEmpty();
        flows.createOrganization("PROVIDER", "Sales Company").inviteAdministrator(PROVIDER_ADMIN).logout();

        flows.acceptInvitation(PROVIDER_ADMIN, "Sam Sales");
        assertThat(browser.path()).startsWith("/orgs/").endsWith("/organizations");
        flows.createOrganization("CUSTOMER", "Acme");
        String customer = browser.path().split("/")[2];
        flows.inviteAdministrator(CUSTOMER_ADMIN).logout();

        Printer printer = customerAdminSetsUp();
        flows.acceptInvitation(USER, "Ada User");
        assertThat(browser.path()).isEqualTo("/jobs");
        assertThat(browser.driver().findElements(By.linkText("Users"))).as("a user's menu has no administration").isEmpty();
        flows.uploadPdf(files, "quarterly report.pdf", SampleDocuments.pdf(3), "Black and white");
        By row = By.cssSelector("tr[data-job-id]");
        assertThat(browser.textOf(row)).contains("quarterly report.pdf", "Held", "3");
        String job = browser.attributeOf(row, "data-job-id");
        browser.follow("My PIN");
        assertThat(browser.find(By.id("pin")).getText()).matches("\\d{6}");
        browser.follow("My print queue");
        assertThat(browser.find(By.id("queue-uri")).getText()).startsWith("ipps://print.example.com:443").contains("/ipp/print/");
        browser.open("/orgs/" + customer + "/users");
        assertThat(browser.driver().getTitle()).startsWith("Not allowed");
        flows.logout();

        printManagerSetsAQuota(customer);
        userReleasesAtThePrinter(printer, job);
        providerSeesTheDeviceButNotThePeople(customer, job, printer);
        assertThat(browser.console()).as("no page broke its Content-Security-Policy or failed a script")
                .noneMatch(line -> line.contains("Content Security Policy") || line.contains("Uncaught"));
    }

    /** The customer admin invites a user and a print manager, and registers a printer with an activation code. */
    private Printer customerAdminSetsUp() throws Exception {
        flows.acceptInvitation(CUSTOMER_ADMIN, "Ida Admin");
        browser.follow("Usage dashboard");
        assertThat(browser.script("return !!document.getElementById('chart-days').chart")).as("Chart.js drew").isEqualTo(true);
        flows.inviteUser(USER, "User").inviteUser(PRINT_MANAGER, "Print manager");
        assertThat(browser.mainText()).contains(USER, PRINT_MANAGER);
        browser.follow("Devices").click(By.xpath("//label[normalize-space()='Data overwritten after use']/input"))
                .press("Save").waitForText("The baseline was saved.");
        browser.type("code-note", "Floor 2").press("Make an activation code");
        String code = browser.find(By.id("activation-code")).getText();
        browser.driver().navigate().refresh();
        assertThat(browser.find(By.cssSelector("h1")).getText()).startsWith("Devices");
        assertThat(browser.driver().findElements(By.id("activation-code"))).as("the code after a reload").isEmpty();
        Printer printer = new Printer("http://127.0.0.1:" + port).register(code, "Floor 2 printer");
        printer.heartbeat(1200);
        browser.follow("Devices");
        assertThat(browser.find(By.cssSelector("tr[data-device-id='" + printer.deviceId() + "']")).getText())
                .contains("Floor 2 printer", "Ready", "1 setting off");
        flows.logout();
        return printer;
    }

    private void printManagerSetsAQuota(String customer) {
        flows.acceptInvitation(PRINT_MANAGER, "Pat Manager");
        assertThat(menu()).as("a print manager administers quotas only").contains("Quotas")
                .doesNotContain("Users", "Groups", "Settings", "Usage dashboard", "Custom roles", "Devices");
        browser.open("/orgs/" + customer + "/users");
        assertThat(browser.driver().getTitle()).startsWith("Not allowed");
        browser.open("/").follow("Quotas");
        browser.find(By.xpath("//tr[.//span[text()='" + USER + "']]//input[@name='monochromePagesPerMonth']")).sendKeys("100");
        browser.click(By.xpath("//tr[.//span[text()='" + USER + "']]//button")).waitForText("The quota was saved.");
        flows.logout();
    }

    /** The QR code's page releases the job; the printer prints it through the Device API; usage and quota follow. */
    private void userReleasesAtThePrinter(Printer printer, String job) throws Exception {
        flows.login(USER);
        browser.follow("My usage");
        assertThat(browser.find(By.id("mono-left")).getText()).isEqualTo("100 of 100 left");
        browser.window(390, 844).open("/release/" + printer.deviceId()).waitForText("quarterly report.pdf")
                .type("release-copies", "2").press("Print here").waitForText("1 job was sent to the printer.");
        browser.window(1280, 900);
        assertThat(printer.printReleased()).isEqualTo(1);
        browser.follow("My print jobs");
        assertThat(browser.textOf(By.cssSelector("tr[data-job-id='" + job + "']"))).contains("Printed");
        browser.follow("My usage");
        assertThat(browser.find(By.id("mono-used")).getText()).as("3 pages x the 2 copies chosen on the phone").isEqualTo("6");
        assertThat(browser.find(By.id("mono-left")).getText()).isEqualTo("94 of 100 left");
        assertThat(browser.find(By.id("recent")).getText()).contains("Floor 2 printer");
        flows.logout();
    }

    private void providerSeesTheDeviceButNotThePeople(String customer, String job, Printer printer) {
        flows.login(PROVIDER_ADMIN);
        browser.follow("License report");
        var row = browser.find(By.cssSelector("tr[data-org-id='" + customer + "']"));
        assertThat(row.getText()).contains("Acme");
        assertThat(row.findElement(By.cssSelector("[data-figure='devicesUsed']")).getText()).isEqualTo("1");
        browser.follow("Organizations").follow("Devices");
        assertThat(browser.find(By.cssSelector("tr[data-device-id='" + printer.deviceId() + "']")).getText())
                .contains("Floor 2 printer");
        browser.open("/orgs/" + customer + "/users");
        assertThat(browser.driver().getTitle()).as("a provider never sees its customers' users").startsWith("Not allowed");
        browser.open("/jobs/" + job);
        assertThat(browser.driver().getTitle()).as("nor anyone's jobs").startsWith("Not found");
        flows.logout();
    }

    /** The request form's proof of work is solved by the page's own script; the link from the mail sets a new password. */
    @Test
    void aForgottenPasswordIsResetThroughTheProofOfWorkFormAndTheMailedLink() throws Exception {
        var person = world.person(world.customer(world.root(), "Reset Ltd"), FixedRole.CUSTOMER_USER);
        browser.driver().manage().deleteAllCookies();
        browser.open("/login");
        assertThat(browser.driver().manage().getCookieNamed("OPENCPS_SESSION")).as("no session before a login").isNull();
        // the public URL is https: the prefixed, Secure cookie, though this browser talks plain HTTP to 127.0.0.1
        var csrf = browser.driver().manage().getCookieNamed("__Host-OPENCPS_CSRF");
        assertThat(csrf.isSecure()).isTrue();
        assertThat(csrf.isHttpOnly()).isTrue();
        assertThat(csrf.getSameSite()).isEqualTo("Lax");
        browser.follow("Forgot your password?").type("email", person.email());
        browser.find(By.cssSelector(".pow-status[data-state='done']"));
        browser.press("Send the link").waitForText("a link to reset the password is on its way");

        String token = outbox.lastToken(person.email(), "rst_");
        browser.open("/reset-password?token=" + token).type("newPassword", "Brand-New-Pass-7")
                .type("confirmPassword", "Brand-New-Pass-7").press("Set the new password")
                .waitForText("Your password was changed.");
        browser.type("email", person.email()).type("password", "Brand-New-Pass-7").press("Log in");
        assertThat(browser.find(By.cssSelector(".who")).getText()).startsWith("Person");
    }

    /**
     * Idle logout in the browser: the page warns before the organization's idle time is up, "Stay
     * logged in" keeps the session, and when the time is up the page logs out by itself. The test
     * moves the shared last-activity time back instead of waiting.
     */
    @Test
    void anIdlePageWarnsThenLogsOut() {
        var person = world.person(world.customer(world.root(), "Idle End Ltd"), FixedRole.CUSTOMER_USER);
        flows.login(person.email());
        long idleSeconds = Long.parseLong(browser.find(By.tagName("body")).getAttribute("data-idle-seconds"));
        idleFor(idleSeconds - 40);
        var warning = browser.find(By.id("idle-warning"));
        assertThat(warning.getText()).contains("You will be logged out in");
        browser.press("Stay logged in");
        browser.waitUntil(driver -> !warning.isDisplayed());
        assertThat(browser.path()).isEqualTo("/jobs");

        idleFor(idleSeconds);
        // the page logs itself out: wait for the login page before reading it, not in the page being replaced
        browser.waitForPath("/login").waitForText("You were logged out after being idle.");
        browser.open("/jobs");
        assertThat(browser.path()).startsWith("/login");
    }

    private String menu() {
        return browser.find(By.cssSelector("nav.menu")).getText();
    }

    private void idleFor(long seconds) {
        browser.script("window.localStorage.setItem('opencps.lastActivity', String(Date.now() - arguments[0] * 1000))", seconds);
    }
}
