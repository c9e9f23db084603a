package org.opencps.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencps.testing.Eventually.eventually;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.access.Permission;
import org.opencps.access.RoleRef;
import org.opencps.access.Roles;
import org.opencps.devices.DeviceKit;
import org.opencps.platform.security.Actor;
import org.opencps.platform.security.ActorAuthentication;
import org.opencps.printing.SampleDocuments;
import org.opencps.scanning.DestinationKind;
import org.opencps.scanning.ScanAdministration;
import org.opencps.scanning.ScanKit;
import org.opencps.scanning.ScanWorkflow;
import org.opencps.scanning.ScanWorkflows;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.FlashMap;

/**
 * The scanning pages through the portal: My scans shows, downloads and deletes the person's own
 * scans and nobody else's; the address book, workflows and scan settings change through their forms,
 * refuse bad input with the reason and nothing changed, and follow who holds which permission.
 */
@OpenCpsTest
@Import({DeviceKit.class, ScanKit.class})
class PortalScanPagesTest {

    @Autowired MockMvc mvc;
    @Autowired ScanKit kit;
    @Autowired World world;
    @Autowired JdbcClient jdbc;
    @Autowired ScanAdministration administration;
    @Autowired ScanWorkflows workflows;
    @Autowired Roles roles;

    @Test
    void myScansListsDownloadsAndDeletesOnlyTheOwnersScans() throws Exception {
        var site = kit.site("Portal scans co");
        var owner = kit.scanner(site, FixedRole.CUSTOMER_USER);
        byte[] pdf = SampleDocuments.pdf(3);
        UUID scan = kit.accepted(owner, "to=me&fileName=minutes-{counter}", "application/pdf", pdf);
        Actor me = owner.person().actor();

        String page = page(me, "/scans");
        assertThat(page).contains("minutes-1.pdf").contains(scan.toString()).contains("Delivered");
        var download = call(me, get("/scans/" + scan + "/document"));
        assertThat(download.getStatus()).isEqualTo(200);
        assertThat(download.getContentAsByteArray()).isEqualTo(pdf);
        assertThat(download.getContentType()).isEqualTo("application/pdf");
        assertThat(download.getHeader("Content-Disposition")).startsWith("attachment").contains("minutes-1.pdf");

        Actor admin = world.person(site.org(), FixedRole.CUSTOMER_ADMIN).actor();
        Actor colleague = world.person(site.org(), FixedRole.CUSTOMER_USER).actor();
        Actor otherOrgAdmin = world.person(kit.site("Other portal scans co").org(), FixedRole.CUSTOMER_ADMIN).actor();
        for (Actor intruder : new Actor[] {admin, colleague, otherOrgAdmin}) {
            assertThat(page(intruder, "/scans")).doesNotContain(scan.toString()).doesNotContain("minutes-1.pdf");
            assertThat(call(intruder, get("/scans/" + scan + "/document")).getStatus()).isEqualTo(404);
            assertThat(call(intruder, post("/scans/" + scan + "/delete").with(csrf())).getStatus()).isEqualTo(404);
            assertThat(call(intruder, post("/scans/" + scan + "/retry").with(csrf())).getStatus()).isEqualTo(404);
        }
        assertThat(kit.scanRows(site.org())).isEqualTo(1);

        assertThat(form(me, "/scans/" + scan + "/retry", "").get("error")).asString().contains("Only a failed delivery");

        assertThat(form(me, "/scans/" + scan + "/delete", "").get("notice")).isEqualTo("scans.deleted");
        assertThat(kit.scanRows(site.org())).isZero();
        assertThat(call(me, get("/scans/" + scan + "/document")).getStatus()).isEqualTo(404);
        eventually(() -> assertThat(kit.audited("SCAN_DELETED", site.org())).isEqualTo(1));
    }

    @Test
    void anAdminKeepsTheAddressBookAndWorkflowsThroughTheForms() throws Exception {
        var site = kit.site("Portal workflows co");
        Actor admin = world.person(site.org(), FixedRole.CUSTOMER_ADMIN).actor();
        String base = "/orgs/" + site.org();

        assertThat(form(admin, base + "/scan-addresses", "name=Accounting&email=accounting@example.com").get("error")).isNull();
        var badAddress = form(admin, base + "/scan-addresses", "name=Broken&email=not-an-address");
        assertThat(badAddress.get("errorField")).isEqualTo("email");
        assertThat(administration.addressBook(admin, site.org())).extracting(e -> e.name()).containsExactly("Accounting");

        var created = form(admin, base + "/scan-workflows", "name=Invoices&kind=ADDRESS_BOOK&address=Accounting&formats=PDF"
                + "&color=GRAYSCALE&resolution=200&duplex=true&fileNamePattern=invoice-{counter}&encryptPdf=true"
                + "&password=Secret-Pdf-1&everyone=true");
        assertThat(created.get("error")).isNull();
        ScanWorkflow invoices = workflows.list(admin, site.org()).getFirst();
        assertThat(invoices.name()).isEqualTo("Invoices");
        assertThat(invoices.kind()).isEqualTo(DestinationKind.ADDRESS_BOOK);
        assertThat(invoices.address()).isEqualTo("Accounting");
        assertThat(invoices.options().resolution()).isEqualTo(200);
        assertThat(invoices.options().duplex()).isTrue();
        assertThat(invoices.options().encryptPdf()).isTrue();
        assertThat(invoices.passwordSet()).isTrue();
        assertThat(invoices.everyone()).isTrue();

        // refused with the reason, nothing made: an encrypting workflow without a password, one shared with nobody
        var noPassword = form(admin, base + "/scan-workflows", "name=Locked&kind=MY_SCANS&formats=PDF&color=COLOR&resolution=300"
                + "&encryptPdf=true&everyone=true");
        assertThat(noPassword.get("errorField")).isEqualTo("password");
        var sharedWithNobody = form(admin, base + "/scan-workflows", "name=Nobody&kind=MY_SCANS&formats=PDF&color=COLOR&resolution=300");
        assertThat(sharedWithNobody.get("errorField")).isEqualTo("groups");
        assertThat(workflows.list(admin, site.org())).hasSize(1);

        String page = page(admin, base + "/scan-workflows");
        assertThat(page).contains("Invoices").contains("accounting@example.com").contains("invoice-{counter}")
                .doesNotContain("Secret-Pdf-1");

        form(admin, base + "/scan-workflows/" + invoices.id() + "/delete", "");
        UUID entry = administration.addressBook(admin, site.org()).getFirst().id();
        form(admin, base + "/scan-addresses/" + entry + "/delete", "");
        assertThat(workflows.list(admin, site.org())).isEmpty();
        assertThat(administration.addressBook(admin, site.org())).isEmpty();
        eventually(() -> assertThat(kit.audited("SCAN_WORKFLOW_DELETED", site.org())).isEqualTo(1));
        eventually(() -> assertThat(kit.audited("SCAN_ADDRESS_REMOVED", site.org())).isEqualTo(1));
        assertThat(kit.audited("SCAN_ADDRESS_ADDED", site.org())).isEqualTo(1);
        assertThat(kit.audited("SCAN_WORKFLOW_CREATED", site.org())).isEqualTo(1);
        assertThat(jdbc.sql("SELECT detail FROM audit_event WHERE org_id = ? AND type LIKE 'SCAN_%'").param(site.org().value())
                .query(String.class).list()).isNotEmpty()
                .allSatisfy(detail -> assertThat(detail).doesNotContain("Secret-Pdf-1").doesNotContain("accounting@example.com"))
                .anySatisfy(detail -> assertThat(detail).contains("workflow Invoices to address_book, shared with everyone"));
    }

    @Test
    void theScanSettingsFormSavesWhatItShowsAndRefusesWhatTheRulesRefuse() throws Exception {
        var site = kit.site("Portal scan settings co");
        Actor admin = world.person(site.org(), FixedRole.CUSTOMER_ADMIN).actor();
        String url = "/orgs/" + site.org() + "/scan-settings";

        var saved = form(admin, url, "allowedDestinations=MY_SCANS&allowedDestinations=BOX&directEmailAllowed=true"
                + "&retentionHours=48&maxScanMib=10&attachmentLimitMib=2&boxDirect=true");
        assertThat(saved.get("notice")).isEqualTo("scanSettings.saved");
        var settings = administration.settings(admin, site.org());
        assertThat(settings.allowedKinds()).containsExactlyInAnyOrder(DestinationKind.MY_SCANS, DestinationKind.BOX);
        assertThat(settings.directEmailAllowed()).isTrue();
        assertThat(settings.retentionHours()).isEqualTo(48);
        assertThat(settings.maxScanBytes()).isEqualTo(10L * 1024 * 1024);
        assertThat(settings.attachmentLimitBytes()).isEqualTo(2L * 1024 * 1024);
        assertThat(settings.boxDirect()).isTrue();
        eventually(() -> assertThat(kit.audited("SCAN_SETTINGS_CHANGED", site.org())).isEqualTo(1));

        String page = page(admin, url);
        assertThat(page).contains("value=\"48\"").contains("value=\"10\"").contains("value=\"2\"");

        for (String bad : new String[] {"retentionHours=0&maxScanMib=10&attachmentLimitMib=2",
                "retentionHours=48&maxScanMib=10&attachmentLimitMib=101", "retentionHours=many&maxScanMib=10&attachmentLimitMib=2"}) {
            var refused = form(admin, url, "allowedDestinations=MY_SCANS&" + bad);
            assertThat(refused.get("error")).as(bad).isNotNull();
        }
        var boxDirectWithoutBox = form(admin, url, "allowedDestinations=MY_SCANS&retentionHours=48&maxScanMib=10"
                + "&attachmentLimitMib=2&boxDirect=true");
        assertThat(boxDirectWithoutBox.get("errorField")).isEqualTo("boxDirect");
        assertThat(administration.settings(admin, site.org())).isEqualTo(settings);
    }

    @Test
    void aCustomRoleWithTheScanWorkflowsPermissionKeepsWorkflowsButNotTheSettings() throws Exception {
        var site = kit.site("Portal scan role co");
        Actor admin = world.person(site.org(), FixedRole.CUSTOMER_ADMIN).actor();
        var role = roles.createCustomRole(admin, site.org(), "Scan desk", Set.of(Permission.SCAN_WORKFLOWS_MANAGE));
        World.Person desk = world.person(site.org(), FixedRole.CUSTOMER_USER);
        roles.setRoles(admin, site.org(), desk.userId(), Set.of(RoleRef.of(FixedRole.CUSTOMER_USER), RoleRef.custom(role.id())));
        Actor deskActor = desk.actor();
        String base = "/orgs/" + site.org();

        assertThat(call(deskActor, get(base + "/scan-workflows")).getStatus()).isEqualTo(200);
        assertThat(page(deskActor, "/scans")).contains(base + "/scan-workflows").doesNotContain(base + "/scan-settings");
        assertThat(form(deskActor, base + "/scan-addresses", "name=Desk&email=desk@example.com").get("error")).isNull();
        assertThat(administration.addressBook(admin, site.org())).hasSize(1);

        var before = administration.settings(admin, site.org());
        assertThat(call(deskActor, get(base + "/scan-settings")).getStatus()).isEqualTo(403);
        assertThat(call(deskActor, post(base + "/scan-settings").with(csrf()).contentType("application/x-www-form-urlencoded")
                .content("allowedDestinations=MY_SCANS&retentionHours=1&maxScanMib=1&attachmentLimitMib=0")).getStatus()).isEqualTo(403);
        assertThat(administration.settings(admin, site.org())).isEqualTo(before);
    }

    private String page(Actor actor, String url) throws Exception {
        var response = call(actor, get(url));
        assertThat(response.getStatus()).as(url).isEqualTo(200);
        return response.getContentAsString();
    }

    /** Sends a form; it answers with a redirect back to its page, and the flash tells what happened. */
    private FlashMap form(Actor actor, String url, String body) throws Exception {
        var result = mvc.perform(post(url).with(csrf()).contentType("application/x-www-form-urlencoded").content(body)
                .with(authentication(new ActorAuthentication(actor)))).andReturn();
        assertThat(result.getResponse().getStatus()).as(url).isEqualTo(302);
        return result.getFlashMap();
    }

    private MockHttpServletResponse call(Actor actor, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(authentication(new ActorAuthentication(actor)))).andReturn().getResponse();
    }
}
