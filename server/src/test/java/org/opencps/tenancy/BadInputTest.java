package org.opencps.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencps.tenancy.TenancyFixtures.Org;
import org.opencps.testing.OpenCpsTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Malformed requests get a 400 or 422 that names the field at fault, and change nothing. */
@OpenCpsTest
@Import(TenancyTestSupport.class)
class BadInputTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TenancyFixtures fixtures;
    @Autowired
    Organizations organizations;

    Org root;
    Org acme;

    @BeforeEach
    void tree() {
        fixtures.reset();
        root = fixtures.root("Root");
        acme = fixtures.customer(root, "Acme", 5);
    }

    @AfterEach
    void nothingWasWritten() {
        assertThat(organizations.children(root.admin(), root.id())).extracting(Organization::name).containsExactly("Acme");
        assertThat(organizations.find(acme.id()).orElseThrow().active()).isTrue();
        assertThat(organizations.license(root.admin(), acme.id()).deviceLimit()).isEqualTo(5);
        assertThat(organizations.settingsOf(acme.id())).isEqualTo(OrganizationSettings.defaults());
    }

    @Test
    void malformedJsonIs400() throws Exception {
        createChild("{\"kind\":\"CUSTOMER\",\"name\":").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("the body is not well-formed JSON"));
        updateSettings("not json at all").andExpect(status().isBadRequest());
    }

    @Test
    void aMissingBodyIs400() throws Exception {
        mvc.perform(post("/api/v1/organizations/{id}/purge", acme.id()).with(root.asAdmin())
                .contentType(MediaType.APPLICATION_JSON)).andExpect(status().isBadRequest());
    }

    @Test
    void anUnknownFieldIs400NamingIt() throws Exception {
        createChild("""
                {"kind":"PROVIDER","name":"P","parentId":"%s"}""".formatted(acme.id()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("parentId"));
        updateSettings("""
                {"idleLogoutMinutes":30,"jobRetentionHours":24,"orgId":"x"}""")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("orgId"));
    }

    @Test
    void aWrongTypeIs400NamingTheField() throws Exception {
        updateSettings("""
                {"idleLogoutMinutes":"soon","jobRetentionHours":24}""")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("idleLogoutMinutes"));
        createChild("""
                {"kind":"DEALER","name":"P"}""")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("kind"));
        createChild("""
                {"kind":"CUSTOMER","name":"C","license":{"deviceLimit":1,"plan":"p","termStart":"01/01/2026","termEnd":"2026-12-31"}}""")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("license.termStart"));
        mvc.perform(put("/api/v1/organizations/{id}/license", acme.id()).with(root.asAdmin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"deviceLimit\":[1],\"plan\":\"p\",\"termStart\":\"2026-01-01\",\"termEnd\":\"2026-12-31\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("deviceLimit"));
    }

    @Test
    void aMissingFieldIs400NamingIt() throws Exception {
        updateSettings("""
                {"idleLogoutMinutes":30}""")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("jobRetentionHours"));
        createChild("""
                {"kind":"PROVIDER"}""")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("name"));
        createChild("""
                {"kind":"CUSTOMER","name":"C","license":{"plan":"p","termStart":"2026-01-01","termEnd":"2026-12-31"}}""")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("license.deviceLimit"));
        mvc.perform(patch("/api/v1/organizations/{id}", acme.id()).with(root.asAdmin())
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("name"));
        mvc.perform(post("/api/v1/organizations/{id}/purge", acme.id()).with(root.asAdmin())
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("confirmName"));
    }

    @Test
    void anOversizedNameIs422NamingIt() throws Exception {
        createChild("""
                {"kind":"PROVIDER","name":"%s"}""".formatted("n".repeat(5000)))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("name"));
        mvc.perform(patch("/api/v1/organizations/{id}", acme.id()).with(root.asAdmin())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"" + "n".repeat(201) + "\"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("name"));
    }

    @Test
    void aMalformedIdInThePathIs400NamingIt() throws Exception {
        mvc.perform(get("/api/v1/organizations/{id}", "1-1-1-1-1").with(root.asAdmin()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("id"));
        mvc.perform(get("/api/v1/organizations/{id}/children", "not-an-id").with(root.asAdmin()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("id"));
        // the license report's route lives in reporting, outside tenancy's own id binding
        mvc.perform(get("/api/v1/organizations/{id}/license-report", "1-1-1-1-1").with(root.asAdmin()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("id"));
    }

    @Test
    void aWrongConfirmationNameIs422AndPurgesNothing() throws Exception {
        mvc.perform(post("/api/v1/organizations/{id}/purge", acme.id()).with(root.asAdmin())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"confirmName\":\"acme\"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("confirmName"));
    }

    private ResultActions createChild(String json) throws Exception {
        return mvc.perform(post("/api/v1/organizations/{id}/children", root.id()).with(root.asAdmin())
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private ResultActions updateSettings(String json) throws Exception {
        return mvc.perform(put("/api/v1/organizations/{id}/settings", acme.id()).with(acme.asAdmin())
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }
}
