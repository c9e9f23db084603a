package org.opencps.portal;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencps.printing.SampleDocuments;
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

    private final Map<String, String> adasPages = new LinkedHashMap<>();
    private final Map<String, String> adminsPages = new LinkedHashMap<>();

    @Test
    void mainPages() throws Exception {
        try (Browser browser = Browser.start("http://127.0.0.1:" + port)) {
            var flows = new PortalFlows(browser, outbox);
            browser.driver().manage().deleteAllCookies();
            browser.open("/login");
            shoot(browser, "login");

            flows.login(PortalFlows.ROOT_EMAIL).chooseOwnPassword(World.PASSWORD, PortalFlows.ROOT_OWN_PASSWORD).acceptCookies()
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
            Printer printer = registerPrinter(browser);
            flows.logout().acceptInvitation("ada@acme.example", "Ada Lovelace");
            flows.uploadPdf(files, "Quarterly report.pdf", SampleDocuments.pdf(12), "Black and white");
            flows.uploadPdf(files, "Boarding pass.pdf", SampleDocuments.pdf(1));
            flows.uploadPdf(files, "Poster.pdf", SampleDocuments.pdf(2), "Colour");
            shoot(browser, "my-jobs");
            adasPages.put("my-jobs", browser.path());
            browser.open("/release/" + printer.deviceId());
            shoot(browser, "release-at-printer");
            browser.press("Print here").waitForText("were sent to the printer");
            printer.printReleased();
            flows.uploadPdf(files, "Minutes.pdf", SampleDocuments.pdf(4), "Black and white");
            browser.follow("My usage");
            shoot(browser, "my-usage");
            adasPages.put("my-usage", browser.path());
            browser.follow("My usage report");
            shoot(browser, "my-usage-report");
            browser.follow("My print queue");
            shoot(browser, "my-print-queue");
            adasPages.put("my-print-queue", browser.path());
            browser.follow("My PIN");
            shoot(browser, "my-pin");
            browser.follow("My print jobs").window(390, 844);
            shoot(browser, "my-jobs-phone");
            browser.window(1280, 900);

            flows.logout().acceptInvitation("max@acme.example", "Max Manager");
            browser.follow("Quotas");
            shoot(browser, "print-manager-quotas");
            flows.logout().login("it@acme.example");
            browser.follow("Users");
            shoot(browser, "customer-users");
            adminsPages.put("customer-users", browser.path());
            browser.follow("Devices");
            shoot(browser, "customer-devices");
            adminsPages.put("customer-devices", browser.path());
            browser.follow("Floor 2 printer");
            shoot(browser, "device");
            browser.follow("Usage dashboard");
            shoot(browser, "usage-dashboard");
            adminsPages.put("usage-dashboard", browser.path());
            browser.follow("Usage reports");
            browser.click(By.cssSelector("#report-by option[value='PERSON']")).click(By.cssSelector("#report-per option[value='DAY']"))
                    .press("Show").waitUntil(d -> !d.findElements(By.id("report-subjects")).isEmpty());
            shoot(browser, "usage-report-by-person");
            adminsPages.put("usage-report-by-person", browser.path());
            pdfFirstPage(browser, "usage-report-pdf");
            browser.follow("Scheduled reports");
            shoot(browser, "report-schedules");
            browser.follow("Contract");
            shoot(browser, "customer-contract");
            browser.follow("Settings");
            shoot(browser, "customer-settings");
            adminsPages.put("customer-settings", browser.path());
            flows.logout().login("admin@sales.example");
            browser.follow("License report");
            shoot(browser, "provider-license-report");
            flows.logout().login(PortalFlows.ROOT_EMAIL, PortalFlows.ROOT_OWN_PASSWORD);
            browser.follow("Organization tree");
            shoot(browser, "root-tree");

            inOtherLanguages(flows, "ada@acme.example", adasPages);
            inOtherLanguages(flows, "it@acme.example", adminsPages);
        }
    }

    /** The same pages again as the person sees them after choosing German, then Japanese, in de/ and ja/. */
    private static void inOtherLanguages(PortalFlows flows, String email, Map<String, String> pages) {
        Browser browser = flows.browser();
        flows.login(email);
        for (String language : List.of("de", "ja")) {
            choose(browser, language);
            pages.forEach((name, path) -> {
                browser.open(path);
                shoot(browser, language + "/" + name);
            });
        }
        choose(browser, "");
    }

    /** On the account page, as the person would (the button's text is in the language chosen before). */
    private static void choose(Browser browser, String language) {
        browser.open("/account").set("language", language)
                .click(By.cssSelector("form[action='/account/language'] button[type='submit']"));
    }

    /** The customer admin makes an activation code, with which a printer registers and reports in. */
    private Printer registerPrinter(Browser browser) throws Exception {
        browser.follow("Devices").click(By.xpath("//label[normalize-space()='Data overwritten after use']/input"))
                .press("Save").waitForText("The baseline was saved.");
        browser.type("code-note", "Second floor, by the kitchen").press("Make an activation code");
        shoot(browser, "activation-code");
        Printer printer = new Printer("http://127.0.0.1:" + port).register(browser.find(By.id("activation-code")).getText(),
                "Floor 2 printer");
        printer.heartbeat(18_342);
        return printer;
    }

    /** The first page of the PDF the page's export link gives, fetched with the browser's session, as a PNG. */
    private void pdfFirstPage(Browser browser, String name) throws Exception {
        String link = browser.attributeOf(By.id("export-pdf"), "href");
        String cookies = browser.driver().manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(java.util.stream.Collectors.joining("; "));
        var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(link))
                .header("Cookie", cookies).header("Accept-Language", "en").build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the PDF link answered " + response.statusCode());
        }
        try (var pdf = org.apache.pdfbox.Loader.loadPDF(response.body())) {
            var page = new org.apache.pdfbox.rendering.PDFRenderer(pdf).renderImageWithDPI(0, 110);
            java.nio.file.Files.createDirectories(FOLDER);
            javax.imageio.ImageIO.write(page, "png", FOLDER.resolve(name + ".png").toFile());
        }
    }

    private static void shoot(Browser browser, String name) {
        browser.screenshot(FOLDER.resolve(name + ".png"));
    }
}
