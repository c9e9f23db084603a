package org.opencps.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opencps.access.FixedRole;
import org.opencps.audit.internal.persistence.AuditLog;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.origin.RequestOrigin;
import org.opencps.platform.security.Actor;
import org.opencps.platform.security.ActorAuthentication;
import org.opencps.testing.Api;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Who reads which audit records through the API (PRODUCT.md §8 with §2): a customer's admins all
 * of their organization's; the provider above it only its own people's actions there, never the
 * customer's people; nobody else anything.
 */
@OpenCpsTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditReadingTest {

    @Autowired MockMvc mvc;
    @Autowired World world;
    @Autowired AuditLog log;
    @Autowired Clock clock;
    @Autowired JdbcClient jdbc;

    OrgId provider;
    OrgId customer;
    OrgId otherCustomer;
    Actor providerAdmin;
    Actor providerSupport;
    Actor customerAdmin;
    Actor customerUser;
    Actor printManager;
    Actor otherAdmin;

    @BeforeAll
    void tree() {
        provider = world.provider(world.root(), "Audit provider " + UUID.randomUUID());
        customer = world.customer(provider, "Audit customer " + UUID.randomUUID());
        otherCustomer = world.customer(provider, "Audit other customer " + UUID.randomUUID());
        providerAdmin = world.person(provider, FixedRole.PROVIDER_ADMIN).actor();
        providerSupport = world.person(provider, FixedRole.PROVIDER_SUPPORT).actor();
        customerAdmin = world.person(customer, FixedRole.CUSTOMER_ADMIN).actor();
        customerUser = world.person(customer, FixedRole.CUSTOMER_USER).actor();
        printManager = world.person(customer, FixedRole.PRINT_MANAGER).actor();
        otherAdmin = world.person(otherCustomer, FixedRole.CUSTOMER_ADMIN).actor();
        log.recordOnce(UUID.randomUUID(), clock.instant(), customer, "CUSTOMER_ADMINS_DEED", customerAdmin.userId(), "secret colleague",
                "a, \"quoted\" detail", new RequestOrigin("192.0.2.10", "Mozilla/5.0"));
        log.record(customer, "CUSTOMER_USERS_DEED", customerUser.userId(), "own thing", null, "192.0.2.11");
        log.record(customer, "PROVIDERS_DEED", providerAdmin.userId(), "device", "=HYPERLINK(\"x\")", "198.51.100.1");
        log.record(provider, "PROVIDERS_OWN_DEED", providerAdmin.userId(), "own", null, null);
    }

    @Test
    void customerAdminsSeeAllOfTheirOrganization() throws Exception {
        String body = call(customerAdmin, get(events(customer))).getContentAsString();
        assertThat(body).contains("CUSTOMER_ADMINS_DEED", "CUSTOMER_USERS_DEED", "PROVIDERS_DEED", "192.0.2.10", "Mozilla/5.0");
        assertThat(body).doesNotContain("PROVIDERS_OWN_DEED");
    }

    @Test
    void theProviderSeesOnlyItsOwnPeoplesActionsInACustomer() throws Exception {
        String body = call(providerAdmin, get(events(customer))).getContentAsString();
        assertThat(body).contains("PROVIDERS_DEED").doesNotContain("CUSTOMER_ADMINS_DEED", "CUSTOMER_USERS_DEED",
                customerAdmin.userId().toString(), customerUser.userId().toString(), "secret colleague");
        String csv = call(providerAdmin, get(events(customer) + "/export")).getContentAsString();
        assertThat(csv).contains("PROVIDERS_DEED").doesNotContain("CUSTOMER_ADMINS_DEED", "secret colleague");
        // asking for the customer's people by name or action changes nothing
        assertThat(call(providerAdmin, get(events(customer)).param("actorId", customerAdmin.userId().toString()))
                .getContentAsString()).doesNotContain("CUSTOMER_ADMINS_DEED");
        assertThat(call(providerAdmin, get(events(provider))).getContentAsString()).contains("PROVIDERS_OWN_DEED");
    }

    @Test
    void theProviderMayNotVerifyNorSetTheCustomersTrail() throws Exception {
        assertThat(call(providerAdmin, get("/api/v1/organizations/" + customer + "/audit/verification")).getStatus()).isEqualTo(403);
        assertThat(call(providerAdmin, Api.json(put("/api/v1/organizations/" + customer + "/audit/settings"),
                "{\"retentionDays\":30}")).getStatus()).isEqualTo(403);
        assertThat(call(customerAdmin, get("/api/v1/organizations/" + customer + "/audit/settings")).getContentAsString())
                .contains("365");
    }

    @Test
    void lesserRolesAndOtherOrganizationsAreRefused() throws Exception {
        for (Actor refused : new Actor[] {customerUser, printManager, providerSupport}) {
            assertThat(call(refused, get(events(customer))).getStatus()).as("a lesser role").isEqualTo(403);
            assertThat(call(refused, get(events(customer) + "/export")).getStatus()).as("a lesser role's export").isEqualTo(403);
        }
        assertThat(call(otherAdmin, get(events(customer))).getStatus()).as("another customer").isEqualTo(404);
        assertThat(call(otherAdmin, get(events(customer) + "/export")).getContentAsString()).doesNotContain("DEED");
        assertThat(call(customerAdmin, get(events(provider))).getStatus()).as("the provider above").isEqualTo(404);
        assertThat(call(otherAdmin, get("/api/v1/organizations/" + customer + "/audit/verification")).getStatus()).isEqualTo(404);
    }

    @Test
    void filtersAndPagesNarrowTheList() throws Exception {
        String byAction = call(customerAdmin, get(events(customer)).param("action", "CUSTOMER_USERS_DEED")).getContentAsString();
        assertThat(byAction).contains("CUSTOMER_USERS_DEED").doesNotContain("CUSTOMER_ADMINS_DEED");
        String byActor = call(customerAdmin, get(events(customer)).param("actorId", providerAdmin.userId().toString()))
                .getContentAsString();
        assertThat(byActor).contains("PROVIDERS_DEED").doesNotContain("CUSTOMER_USERS_DEED");
        String future = call(customerAdmin, get(events(customer)).param("from", "2999-01-01T00:00:00Z")).getContentAsString();
        assertThat(future).doesNotContain("DEED");
        String onePage = call(customerAdmin, get(events(customer)).param("size", "1")).getContentAsString();
        assertThat(onePage).contains("\"more\":true");
        var badOutcome = call(customerAdmin, get(events(customer)).param("outcome", "MAYBE"));
        assertThat(badOutcome.getStatus()).isEqualTo(422);
        assertThat(badOutcome.getContentAsString()).contains("SUCCESS or FAILURE");
        assertThat(call(customerAdmin, get(events(customer)).param("size", "100000")).getStatus()).isEqualTo(422);
    }

    @Test
    void theExportIsCsvAsRfc4180HasIt() throws Exception {
        var response = call(customerAdmin, get(events(customer) + "/export").param("action", "CUSTOMER_ADMINS_DEED"));
        assertThat(response.getContentType()).startsWith("text/csv");
        assertThat(response.getHeader("Content-Disposition")).startsWith("attachment");
        String csv = response.getContentAsString();
        String[] lines = csv.split("\r\n", -1);
        assertThat(lines[0]).isEqualTo("seq,occurred_at,action,outcome,actor,subject,detail,source_ip,user_agent");
        assertThat(lines[1]).endsWith(",CUSTOMER_ADMINS_DEED,SUCCESS," + customerAdmin.userId()
                + ",secret colleague,\"a, \"\"quoted\"\" detail\",192.0.2.10,Mozilla/5.0");
        assertThat(lines).hasSize(3);
        assertThat(lines[2]).isEmpty();
        String formula = call(customerAdmin, get(events(customer) + "/export").param("action", "PROVIDERS_DEED")).getContentAsString();
        assertThat(formula).contains(",\"'=HYPERLINK(\"\"x\"\")\",");
    }

    @Test
    void customerAdminsSetTheRetentionAndTheChangeIsRecordedWithBeforeAndAfter() throws Exception {
        OrgId own = world.customer(provider, "Audit retention " + UUID.randomUUID());
        Actor admin = world.person(own, FixedRole.CUSTOMER_ADMIN).actor();
        var tooShort = call(admin, Api.json(put("/api/v1/organizations/" + own + "/audit/settings"), "{\"retentionDays\":5}"));
        assertThat(tooShort.getStatus()).isEqualTo(422);
        assertThat(tooShort.getContentAsString()).contains("between 30 and 3650");
        assertThat(call(admin, Api.json(put("/api/v1/organizations/" + own + "/audit/settings"), "{\"retentionDays\":90}"))
                .getContentAsString()).contains("90");
        assertThat(call(admin, get("/api/v1/organizations/" + own + "/audit/settings")).getContentAsString()).contains("90");
        assertThat(call(admin, get(events(own)).param("action", "AUDIT_RETENTION_CHANGED")).getContentAsString())
                .contains("from 365 to 90 days");
        assertThat(call(admin, get("/api/v1/organizations/" + own + "/audit/verification")).getContentAsString())
                .contains("\"intact\":true");
    }

    private static String events(OrgId org) {
        return "/api/v1/organizations/" + org + "/audit/events";
    }

    private MockHttpServletResponse call(Actor actor, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(authentication(new ActorAuthentication(actor)))).andReturn().getResponse();
    }
}
