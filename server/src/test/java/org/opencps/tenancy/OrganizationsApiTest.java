package org.opencps.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencps.platform.ids.OrgKind;
import org.opencps.tenancy.TenancyFixtures.Org;
import org.opencps.testing.OpenCpsTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Creating, renaming and listing organizations, and their licenses, at and around every limit. */
@OpenCpsTest
@Import(TenancyTestSupport.class)
class OrganizationsApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TenancyFixtures fixtures;
    @Autowired
    Organizations organizations;

    Org root;

    @BeforeEach
    void tree() {
        fixtures.reset();
        root = fixtures.root("Root");
    }

    @Test
    void providerCreatesCustomersAndProvidersBelowItAndListsThemByName() throws Exception {
        createChild(root, """
                {"kind":"PROVIDER","name":"Sales Co"}""")
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/api/v1/organizations/")))
                .andExpect(jsonPath("$.kind").value("PROVIDER"))
                .andExpect(jsonPath("$.parentId").value(root.id().toString()))
                .andExpect(jsonPath("$.status").value("ACTIVE"));
        createChild(root, customer("Acme", 10)).andExpect(status().isCreated()).andExpect(jsonPath("$.name").value("Acme"));

        mvc.perform(get("/api/v1/organizations/{id}/children", root.id()).with(root.asAdmin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].name").value("Acme"))
                .andExpect(jsonPath("$[1].name").value("Sales Co"));
    }

    @Test
    void namesHaveOneTo200CharactersAndAreUniqueAmongSiblings() throws Exception {
        createChild(root, customer("x".repeat(200), 1)).andExpect(status().isCreated());
        createChild(root, customer("y".repeat(201), 1)).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.field").value("name"));
        createChild(root, customer("   ", 1)).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.field").value("name"));
        createChild(root, customer("Bad\\u0007name", 1)).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.field").value("name"));
        createChild(root, customer("Acme", 1)).andExpect(status().isCreated());
        createChild(root, customer("ACME", 1)).andExpect(status().isConflict()).andExpect(jsonPath("$.field").value("name"));
        assertThat(organizations.children(root.admin(), root.id())).hasSize(2);
    }

    @Test
    void renameKeepsTheLimitsAndSiblingUniqueness() throws Exception {
        Org acme = fixtures.customer(root, "Acme", 1);
        fixtures.customer(root, "Other", 1);
        rename(acme, "Acme Corporation").andExpect(status().isOk()).andExpect(jsonPath("$.name").value("Acme Corporation"));
        rename(acme, "acme corporation").andExpect(status().isOk());
        rename(acme, "other").andExpect(status().isConflict()).andExpect(jsonPath("$.field").value("name"));
        rename(acme, "z".repeat(200)).andExpect(status().isOk());
        rename(acme, "z".repeat(201)).andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("name"));
        assertThat(organizations.find(acme.id()).orElseThrow().name()).isEqualTo("z".repeat(200));
    }

    @Test
    void aCustomerNeedsALicenseAndAProviderHasNone() throws Exception {
        createChild(root, """
                {"kind":"CUSTOMER","name":"No license"}""")
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("license"));
        createChild(root, """
                {"kind":"PROVIDER","name":"P","license":%s}""".formatted(license(1, "standard")))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("license"));
        createChild(root, """
                {"kind":"ROOT_PROVIDER","name":"Second root"}""")
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("kind"));
        assertThat(organizations.children(root.admin(), root.id())).isEmpty();
    }

    @Test
    void licenseDeviceLimitIsBetween0And100000AndThePlanHasAtMost60Characters() throws Exception {
        Org acme = fixtures.customer(root, "Acme", 5);
        setLicense(acme, license(0, "p")).andExpect(status().isOk()).andExpect(jsonPath("$.deviceLimit").value(0));
        setLicense(acme, license(100_000, "p".repeat(60))).andExpect(status().isOk());
        setLicense(acme, license(-1, "p")).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.field").value("license.deviceLimit"));
        setLicense(acme, license(100_001, "p")).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.field").value("license.deviceLimit"));
        setLicense(acme, license(3, "p".repeat(61))).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.field").value("license.plan"));
        setLicense(acme, """
                {"deviceLimit":3,"plan":"p","termStart":"2026-02-01","termEnd":"2026-01-31"}""")
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("license.termEnd"));
        setLicense(acme, """
                {"deviceLimit":3,"plan":"p","termStart":"2026-02-01","termEnd":"2026-02-01"}""")
                .andExpect(status().isOk());

        mvc.perform(get("/api/v1/organizations/{id}/license", acme.id()).with(acme.asAdmin()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.deviceLimit").value(3))
                .andExpect(jsonPath("$.termEnd").value("2026-02-01"));
        mvc.perform(get("/api/v1/organizations/{id}/license", acme.id()).with(root.asAdmin()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.plan").value("p"));
    }

    @Test
    void aProviderHasNoLicenseToSet() throws Exception {
        Org sales = fixtures.provider(root, "Sales");
        setLicense(sales, license(1, "p")).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.field").value("license"));
    }

    @Test
    void aCustomerCannotHaveOrganizationsBelowIt() throws Exception {
        Org acme = fixtures.customer(root, "Acme", 1);
        mvc.perform(post("/api/v1/organizations/{id}/children", acme.id()).with(acme.asAdmin())
                        .contentType(MediaType.APPLICATION_JSON).content(customer("Sub", 1)))
                .andExpect(status().isForbidden());
    }

    @Test
    void theTreeIsAtMost50LevelsDeepBelowTheRoot() {
        Org parent = root;
        for (int depth = 1; depth <= TreeRules.MAX_DEPTH; depth++) {
            parent = fixtures.provider(parent, "Level " + depth);
        }
        Org deepest = parent;
        assertThat(org.junit.jupiter.api.Assertions.assertThrows(org.opencps.platform.errors.ConflictException.class,
                () -> organizations.create(deepest.admin(), deepest.id(), new NewOrganization(OrgKind.PROVIDER, "Too deep", null))))
                .hasMessageContaining("50 levels");
    }

    @Test
    void theRootCannotBeRenamedOrManagedAsIfItHadAParent() throws Exception {
        rename(root, "New root").andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/organizations/{id}/discontinue", root.id()).with(root.asAdmin()))
                .andExpect(status().isForbidden());
    }

    private ResultActions createChild(Org parent, String json) throws Exception {
        return mvc.perform(post("/api/v1/organizations/{id}/children", parent.id()).with(parent.asAdmin())
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private ResultActions rename(Org org, String name) throws Exception {
        return mvc.perform(patch("/api/v1/organizations/{id}", org.id()).with(root.asAdmin())
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"" + name + "\"}"));
    }

    private ResultActions setLicense(Org org, String json) throws Exception {
        return mvc.perform(put("/api/v1/organizations/{id}/license", org.id()).with(root.asAdmin())
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    static String customer(String name, int devices) {
        return """
                {"kind":"CUSTOMER","name":"%s","license":%s}""".formatted(name, license(devices, "standard"));
    }

    static String license(int devices, String plan) {
        return """
                {"deviceLimit":%d,"plan":"%s","termStart":"2026-01-01","termEnd":"2026-12-31"}""".formatted(devices, plan);
    }
}
