package org.opencps.tenancy;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opencps.access.FixedRole;
import org.opencps.platform.security.Actor;
import org.opencps.tenancy.TenancyFixtures.Org;
import org.opencps.testing.OpenCpsTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The root provider publishes EULA, privacy and download links per region; anyone may read them. */
@OpenCpsTest
@Import(TenancyTestSupport.class)
class RegionLinksTest {

    static final String URL_OF_1000 = "https://example.com/" + "a".repeat(980);

    @Autowired
    MockMvc mvc;
    @Autowired
    TenancyFixtures fixtures;

    Org root;

    @BeforeEach
    void tree() {
        fixtures.reset();
        root = fixtures.root("Root");
    }

    @Test
    void theRootPublishesLinksThatAnyoneCanReadWithoutLogin() throws Exception {
        publish(root.admin(), "eu", """
                {"eulaUrl":"https://example.com/eula","privacyUrl":"http://example.com/privacy","downloadsUrl":"%s"}"""
                .formatted(URL_OF_1000))
                .andExpect(status().isOk()).andExpect(jsonPath("$.region").value("eu"));
        mvc.perform(get("/api/v1/public/regions/eu/links"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.eulaUrl").value("https://example.com/eula"))
                .andExpect(jsonPath("$.privacyUrl").value("http://example.com/privacy"))
                .andExpect(jsonPath("$.downloadsUrl").value(URL_OF_1000));

        publish(root.admin(), "eu", """
                {"eulaUrl":"https://example.com/eula-v2"}""").andExpect(status().isOk());
        mvc.perform(get("/api/v1/public/regions/eu/links"))
                .andExpect(jsonPath("$.eulaUrl").value("https://example.com/eula-v2"))
                .andExpect(jsonPath("$.privacyUrl").doesNotExist());
        mvc.perform(get("/api/v1/public/regions/us-east-1/links")).andExpect(status().isNotFound());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/relative/eula", "ftp://example.com/eula", "javascript:alert(1)", "https://user:pw@example.com/",
            "http://exa mple.com/", "https:///no-host", "mailto:legal@example.com"})
    void aLinkMustBeAnAbsoluteHttpUrl(String url) throws Exception {
        publish(root.admin(), "eu", "{\"privacyUrl\":\"" + url + "\"}")
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("privacyUrl"));
        mvc.perform(get("/api/v1/public/regions/eu/links")).andExpect(status().isNotFound());
    }

    @Test
    void aLinkHasAtMost1000Characters() throws Exception {
        publish(root.admin(), "eu", "{\"eulaUrl\":\"" + URL_OF_1000 + "x\"}")
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("eulaUrl"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"e", "EU", "eu_west", "eu.west", "eu west", "eu~1"})
    void aRegionIsAShortCode(String region) throws Exception {
        publish(root.admin(), region, "{\"eulaUrl\":\"https://example.com/\"}")
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("region"));
        mvc.perform(get("/api/v1/public/regions/{region}/links", region))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("region"));
    }

    @Test
    void regionCodesOf2And40CharactersAreAccepted() throws Exception {
        publish(root.admin(), "eu", "{}").andExpect(status().isOk());
        publish(root.admin(), "a".repeat(40), "{}").andExpect(status().isOk());
        publish(root.admin(), "a".repeat(41), "{}").andExpect(status().isUnprocessableContent());
    }

    @Test
    void onlyTheRootsAdminsPublishLinks() throws Exception {
        Org provider = fixtures.provider(root, "Provider");
        Org customer = fixtures.customer(root, "Customer", 1);
        Actor support = fixtures.member(root, FixedRole.PROVIDER_SUPPORT);
        String body = "{\"eulaUrl\":\"https://evil.example/\"}";

        mvc.perform(put("/api/v1/organizations/{id}/regions/eu/links", root.id()).with(TenancyFixtures.as(support))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/organizations/{id}/regions/eu/links", provider.id()).with(provider.asAdmin())
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/organizations/{id}/regions/eu/links", root.id()).with(provider.asAdmin())
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isNotFound());
        mvc.perform(put("/api/v1/organizations/{id}/regions/eu/links", root.id()).with(customer.asAdmin())
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isNotFound());
        mvc.perform(put("/api/v1/organizations/{id}/regions/eu/links", root.id())
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/public/regions/eu/links")).andExpect(status().isNotFound());
    }

    private ResultActions publish(Actor actor, String region, String json) throws Exception {
        return mvc.perform(put("/api/v1/organizations/{id}/regions/{region}/links", root.id(), region)
                .with(TenancyFixtures.as(actor)).contentType(MediaType.APPLICATION_JSON).content(json));
    }
}
