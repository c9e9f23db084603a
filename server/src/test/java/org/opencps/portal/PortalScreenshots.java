package org.opencps.portal;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencps.printing.SampleDocuments;
import org.opencps.testing.Outbox;
import org.opencps.testing.browser.Browser;
import org.opencps.testing.browser.PortalFlows;
import org.opencps.testing.browser.PortalServerTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Regenerates docs/screenshots/ from the real pages, with the browser harness of the end-to-end
 * test. Not a test (its name keeps it out of the normal run); run it with
 * {@code scripts/screenshots.sh} ({@code ./mvnw -B -pl server test -Dtest=PortalScreenshots}).
 */
@PortalServerTest
class PortalScreenshots {

    static final Path FOLDER = Path.of(System.getProperty("opencps.screenshots", "../docs/screenshots"));

    @LocalServerPort int port;
    @Autowired Outbox outbox;
    @TempDir Path files;

    @Test
    void mainPages() {
        try (Browser browser = Browser.start("http://127.0.0.1:" + port)) {
            var flows = new PortalFlows(browser, outbox);
            browser.driver().manage().deleteAllCookies();
            browser.open("/login");
            shoot(browser, "login");

            flows.login(PortalFlows.ROOT_EMAIL).acceptCookies()
                    .createOrganization("PROVIDER", "Sales Company Germany").inviteAdministrator("admin@sales.example");
            flows.createOrganization("PROVIDER", "Sales Company Japan");
            browser.follow("Organizations");
            shoot(browser, "root-organizations");
            flows.logout().acceptInvitation("admin@sales.example", "Sam Sales");
            flows.createOrganization("CUSTOMER", "Acme Printing").inviteAdministrator("it@acme.example");
            shoot(browser, "provider-manage-customer");
            flows.createOrganization("CUSTOMER", "Globex");
            flows.logout().acceptInvitation("it@acme.example", "Ida Admin");
            flows.inviteUser("ada@acme.example", "User").inviteUser("max@acme.example", "Print manager");
            flows.logout().acceptInvitation("ada@acme.example", "Ada Lovelace");
            flows.uploadPdf(files, "Quarterly report.pdf", SampleDocuments.pdf(12));
            flows.uploadPdf(files, "Boarding pass.pdf", SampleDocuments.pdf(1));
            shoot(browser, "my-jobs");
            browser.follow("My print queue");
            shoot(browser, "my-print-queue");
            browser.follow("My PIN");
            shoot(browser, "my-pin");
            browser.follow("My print jobs").window(390, 844);
            shoot(browser, "my-jobs-phone");
            browser.window(1280, 900);

            flows.logout().login("it@acme.example");
            browser.follow("Users");
            shoot(browser, "customer-users");
            browser.follow("Settings");
            shoot(browser, "customer-settings");
            flows.logout().login("admin@sales.example");
            browser.follow("License report");
            shoot(browser, "provider-license-report");
            flows.logout().login(PortalFlows.ROOT_EMAIL);
            browser.follow("Organization tree");
            shoot(browser, "root-tree");
        }
    }

    private static void shoot(Browser browser, String name) {
        browser.screenshot(FOLDER.resolve(name + ".png"));
    }
}
