package org.opencps.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.tenancy.TenancyFixtures.Org;
import org.opencps.testing.OpenCpsTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The PRODUCT.md §1 example: root R created sales company S and customer B; S created dealer D
 * and customer C; D created customers E and F. Each provider sees the organizations it created by
 * name, and everything deeper only as one anonymized total. The figures are rows in the tables of
 * the modules that own them (identity's members, devices' active printers, reporting's usage).
 */
@OpenCpsTest
@Import(TenancyTestSupport.class)
class LicenseReportTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TenancyFixtures fixtures;
    @Autowired
    TenancyTestSupport.Usage usage;

    Org r;
    Org s;
    Org b;
    Org d;
    Org c;
    Org e;
    Org f;

    @BeforeEach
    void example() {
        fixtures.reset();
        r = fixtures.root("Root R");
        s = fixtures.provider(r, "Sales company S");
        b = customer(r, "Customer B", 10, 4, 20, 1000);
        d = fixtures.provider(s, "Dealer D");
        c = customer(s, "Customer C", 5, 2, 7, 300);
        e = customer(d, "Customer E", 3, 1, 4, 50);
        f = customer(d, "Customer F", 8, 6, 9, 700);
    }

    @Test
    void rootSeesSAndBByNameAndOneTotalUnderS() throws Exception {
        String json = mvc.perform(get("/api/v1/organizations/{id}/license-report", r.id()).with(r.asAdmin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows.length()").value(2))
                .andExpect(jsonPath("$.rows[0].name").value("Customer B"))
                .andExpect(jsonPath("$.rows[0].kind").value("CUSTOMER"))
                .andExpect(jsonPath("$.rows[0].customers").value(1))
                .andExpect(jsonPath("$.rows[0].figures.devicesAllowed").value(10))
                .andExpect(jsonPath("$.rows[0].figures.devicesUsed").value(4))
                .andExpect(jsonPath("$.rows[0].figures.users").value(20))
                .andExpect(jsonPath("$.rows[0].figures.pages").value(1000))
                .andExpect(jsonPath("$.rows[1].name").value("Sales company S"))
                .andExpect(jsonPath("$.rows[1].kind").value("PROVIDER"))
                .andExpect(jsonPath("$.rows[1].customers").value(3))
                .andExpect(jsonPath("$.rows[1].figures.devicesAllowed").value(5 + 3 + 8))
                .andExpect(jsonPath("$.rows[1].figures.devicesUsed").value(2 + 1 + 6))
                .andExpect(jsonPath("$.rows[1].figures.users").value(7 + 4 + 9))
                .andExpect(jsonPath("$.rows[1].figures.pages").value(300 + 50 + 700))
                .andExpect(jsonPath("$.total.devicesAllowed").value(26))
                .andExpect(jsonPath("$.total.pages").value(2050))
                .andReturn().getResponse().getContentAsString();
        assertNothingOf(json, c, d, e, f);
    }

    @Test
    void salesCompanySeesDAndCByNameAndOneTotalUnderD() throws Exception {
        String json = mvc.perform(get("/api/v1/organizations/{id}/license-report", s.id()).with(s.asAdmin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows.length()").value(2))
                .andExpect(jsonPath("$.rows[0].name").value("Customer C"))
                .andExpect(jsonPath("$.rows[0].figures.devicesAllowed").value(5))
                .andExpect(jsonPath("$.rows[0].figures.users").value(7))
                .andExpect(jsonPath("$.rows[1].name").value("Dealer D"))
                .andExpect(jsonPath("$.rows[1].customers").value(2))
                .andExpect(jsonPath("$.rows[1].figures.devicesAllowed").value(11))
                .andExpect(jsonPath("$.rows[1].figures.devicesUsed").value(7))
                .andExpect(jsonPath("$.rows[1].figures.users").value(13))
                .andExpect(jsonPath("$.rows[1].figures.pages").value(750))
                .andReturn().getResponse().getContentAsString();
        assertNothingOf(json, e, f, b);
        assertThat(json).doesNotContain(r.id().toString());
    }

    @Test
    void dealerSeesEAndFByName() throws Exception {
        mvc.perform(get("/api/v1/organizations/{id}/license-report", d.id()).with(d.asAdmin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows.length()").value(2))
                .andExpect(jsonPath("$.rows[0].name").value("Customer E"))
                .andExpect(jsonPath("$.rows[0].id").value(e.id().toString()))
                .andExpect(jsonPath("$.rows[0].figures.devicesAllowed").value(3))
                .andExpect(jsonPath("$.rows[0].figures.pages").value(50))
                .andExpect(jsonPath("$.rows[1].name").value("Customer F"))
                .andExpect(jsonPath("$.rows[1].figures.devicesUsed").value(6))
                .andExpect(jsonPath("$.total.devicesAllowed").value(11));
    }

    @Test
    void rootCannotTellTheCustomersBelowSApart() throws Exception {
        mvc.perform(get("/api/v1/organizations/{id}/license-report", s.id()).with(r.asAdmin())).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/organizations/{id}/children", s.id()).with(r.asAdmin())).andExpect(status().isForbidden());
        for (Org deeper : new Org[] {c, d, e, f}) {
            mvc.perform(get("/api/v1/organizations/{id}/license-report", deeper.id()).with(r.asAdmin()))
                    .andExpect(status().isNotFound());
            mvc.perform(get("/api/v1/organizations/{id}", deeper.id()).with(r.asAdmin())).andExpect(status().isNotFound());
            mvc.perform(get("/api/v1/organizations/{id}/license", deeper.id()).with(r.asAdmin())).andExpect(status().isNotFound());
        }
    }

    @Test
    void providerSupportSeesTheReportAndCustomersDoNot() throws Exception {
        var support = fixtures.member(r, FixedRole.PROVIDER_SUPPORT);
        mvc.perform(get("/api/v1/organizations/{id}/license-report", r.id()).with(TenancyFixtures.as(support)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.rows.length()").value(2));
        mvc.perform(get("/api/v1/organizations/{id}/license-report", b.id()).with(b.asAdmin()))
                .andExpect(status().isForbidden());
    }

    @Test
    void aCustomerWithoutPrintersMembersOrPagesCountsZero() throws Exception {
        Org g = fixtures.customer(d, "Customer G", 2);
        mvc.perform(get("/api/v1/organizations/{id}/license-report", d.id()).with(d.asAdmin()))
                .andExpect(jsonPath("$.rows[2].name").value("Customer G"))
                .andExpect(jsonPath("$.rows[2].figures.devicesAllowed").value(2))
                .andExpect(jsonPath("$.rows[2].figures.devicesUsed").value(0))
                .andExpect(jsonPath("$.rows[2].figures.users").value(0))
                .andExpect(jsonPath("$.rows[2].figures.pages").value(0));
        assertThat(g).isNotNull();
    }

    @Test
    void theRootSeesEveryProviderWithCustomerCountsAndOnlyItsOwnCustomersByName() throws Exception {
        String json = mvc.perform(get("/api/v1/organizations/{id}/tree", r.id()).with(r.asAdmin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.root.name").value("Root R"))
                .andExpect(jsonPath("$.root.customers").value(1))
                .andExpect(jsonPath("$.root.children.length()").value(2))
                .andExpect(jsonPath("$.root.children[0].name").value("Customer B"))
                .andExpect(jsonPath("$.root.children[0].kind").value("CUSTOMER"))
                .andExpect(jsonPath("$.root.children[1].name").value("Sales company S"))
                .andExpect(jsonPath("$.root.children[1].customers").value(1))
                .andExpect(jsonPath("$.root.children[1].children.length()").value(1))
                .andExpect(jsonPath("$.root.children[1].children[0].name").value("Dealer D"))
                .andExpect(jsonPath("$.root.children[1].children[0].customers").value(2))
                .andExpect(jsonPath("$.root.children[1].children[0].children.length()").value(0))
                .andReturn().getResponse().getContentAsString();
        assertNothingOf(json, c, e, f);
    }

    @Test
    void onlyTheRootProviderSeesTheTree() throws Exception {
        mvc.perform(get("/api/v1/organizations/{id}/tree", s.id()).with(s.asAdmin())).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/organizations/{id}/tree", r.id()).with(s.asAdmin())).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/organizations/{id}/tree", r.id()).with(b.asAdmin())).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/organizations/{id}/tree", b.id()).with(b.asAdmin())).andExpect(status().isForbidden());
    }

    private Org customer(Org parent, String name, int allowed, long used, long users, long pages) {
        Org org = fixtures.customer(parent, name, allowed);
        usage.activePrinters(org.id(), used);
        usage.members(org.id(), users);
        usage.reportedPages(org.id(), pages);
        return org;
    }

    private static void assertNothingOf(String json, Org... hidden) {
        for (Org org : hidden) {
            assertThat(json).doesNotContain(org.name()).doesNotContain(org.id().toString());
        }
    }
}
