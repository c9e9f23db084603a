package org.opencps.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.identity.Languages;
import org.opencps.platform.ids.DeviceId;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.opencps.portal.PortalRouteTable.Route;
import org.opencps.portal.PortalRouteTable.Scope;
import org.opencps.printing.DocumentFormat;
import org.opencps.printing.JobTicket;
import org.opencps.printing.PrintJob;
import org.opencps.printing.PrintJobs;
import org.opencps.printing.PrintOutcome;
import org.opencps.printing.PrintReleases;
import org.opencps.printing.ReleaseOptions;
import org.opencps.printing.SampleDocuments;
import org.opencps.testing.Outbox;
import org.opencps.testing.World;
import org.opencps.testing.browser.Browser;
import org.opencps.testing.browser.LayoutCheck;
import org.opencps.testing.browser.PortalFlows;
import org.opencps.testing.browser.PortalServerTest;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every page a customer admin opens holds its layout in German and Japanese, on a desktop and on a
 * phone: nothing scrolls sideways and no text runs out of its button, heading, label or cell. The
 * pages come from the route table, so new pages are checked as they join it; the jobs table holds a
 * job in each state people see most, so a state badge that wraps is caught.
 */
@PortalServerTest
class PortalLayoutLanguagesTest {

    private static final List<String> NOT_PAGES = List.of("GET /session/keepalive", "GET /jobs/list", "GET /",
            "GET /cloud-accounts/callback");

    @LocalServerPort int port;
    @Autowired Outbox outbox;
    @Autowired World world;
    @Autowired Languages languages;
    @Autowired PrintJobs jobs;
    @Autowired PrintReleases releases;

    @Test
    void everyCustomerAdminPageHoldsItsLayoutInGermanAndJapanese() {
        OrgId customer = world.customer(world.root(), "Druckerei Donaudampfschifffahrtsgesellschaft GmbH");
        var admin = world.person(customer, FixedRole.CUSTOMER_ADMIN);
        jobsInEveryListedState(admin.actor());
        List<String> breaks = new ArrayList<>();
        try (Browser browser = Browser.start("http://127.0.0.1:" + port)) {
            var flows = new PortalFlows(browser, outbox);
            flows.login(admin.email()).acceptCookies();
            for (String language : List.of("de", "ja")) {
                languages.choose(admin.userId(), language);
                for (int width : new int[] {1280, 390}) {
                    browser.window(width, 900);
                    for (String page : pages(customer)) {
                        browser.open(page);
                        browser.find(By.id("main"));
                        LayoutCheck.breaks(browser).forEach(found -> breaks.add(language + " " + width + "px " + page + ": " + found));
                    }
                }
            }
        }
        assertThat(breaks).isEmpty();
    }

    /** A held and a printed job, so the jobs table shows state badges (印刷済み once wrapped there). */
    private void jobsInEveryListedState(Actor owner) {
        submit(owner, "Held");
        PrintJob printed = submit(owner, "Printed");
        DeviceId printer = DeviceId.random();
        releases.release(owner, printed.id(), printer, ReleaseOptions.none());
        releases.reportOutcome(owner.requireOrganization(), printer, printed.id(), new PrintOutcome(true, 1, 0, 1, false, null));
    }

    private PrintJob submit(Actor owner, String name) {
        return jobs.submit(owner, new JobTicket(name, DocumentFormat.PDF, 1, null, null, null, null),
                new ByteArrayInputStream(SampleDocuments.pdf(1)));
    }

    /** The customer admin's own pages from the route table: GET, allowed to them, no other path variable. */
    private static List<String> pages(OrgId customer) {
        return PortalRouteTable.ROUTES.stream()
                .filter(route -> route.route().startsWith("GET ") && !NOT_PAGES.contains(route.route()))
                .filter(route -> route.scope() == Scope.NONE || route.scope() == Scope.CUSTOMER)
                .filter(route -> route.expected().contains("CUSTOMER_ADMIN=200") || route.expected().startsWith("*=200"))
                .map(Route::route).map(route -> route.substring(4).replace("{orgId}", customer.toString()))
                .filter(path -> !path.contains("{") && !path.endsWith("/export"))
                .toList();
    }
}
