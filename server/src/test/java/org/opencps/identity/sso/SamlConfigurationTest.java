package org.opencps.identity.sso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencps.identity.sso.OidcSignInTest.unique;
import static org.opencps.testing.Api.json;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.util.LinkedHashMap;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.identity.SamlProviders;
import org.opencps.testing.Api;
import org.opencps.testing.MutableClock;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SAML provider's configuration through the API: only the organization's customer admins read or change it,
 * bad metadata is refused (422) with the reason and nothing saved, and the SP metadata served to the IdP names the
 * organization's own entity id, ACS and certificate.
 */
@SsoTest
class SamlConfigurationTest {

    @Autowired MockMvc mvc;
    @Autowired World world;
    @Autowired MutableClock clock;
    @Autowired SamlProviders providers;
    @Autowired JdbcClient jdbc;

    private SamlFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new SamlFixture(world, providers, mvc, clock);
    }

    private String stored(SamlFixture.Tenant tenant) {
        return jdbc.sql("SELECT idp_entity_id || idp_metadata || sp_certificate || sp_key_sealed FROM identity_saml_provider WHERE org_id = ?")
                .param(tenant.org().value()).query(String.class).single();
    }

    @Test
    void nobodyButTheOrganizationsCustomerAdminsReadsOrChangesItsSamlProvider() throws Exception {
        var acme = fixture.tenant(unique("guarded"));
        var other = fixture.tenant(unique("other"));
        String path = "/api/v1/organizations/" + acme.org() + "/sso/saml";
        String before = stored(acme);
        String settings = JsonMapper.builder().build().writeValueAsString(java.util.Map.of(
                "idpMetadataXml", fixture.idp.metadataXml(), "emailDomains", java.util.List.of("evil.example")));
        var outsiders = new LinkedHashMap<String, Integer>();
        outsiders.put(Api.login(mvc, other.admin().email(), World.PASSWORD).getValue(), 404);
        outsiders.put(Api.login(mvc, world.person(acme.org(), FixedRole.CUSTOMER_USER).email(), World.PASSWORD).getValue(), 403);
        outsiders.put(Api.login(mvc, world.person(acme.org(), FixedRole.PRINT_MANAGER).email(), World.PASSWORD).getValue(), 403);
        outsiders.put(Api.login(mvc, world.rootAdmin().email(), World.PASSWORD).getValue(), 403);
        for (var outsider : outsiders.entrySet()) {
            var cookie = new Cookie(Api.SESSION_COOKIE, outsider.getKey());
            mvc.perform(get(path).cookie(cookie)).andExpect(status().is(outsider.getValue()));
            mvc.perform(json(put(path).cookie(cookie), settings)).andExpect(status().is(outsider.getValue()));
            mvc.perform(delete(path).cookie(cookie)).andExpect(status().is(outsider.getValue()));
        }
        mvc.perform(get(path)).andExpect(status().isUnauthorized());
        mvc.perform(json(put(path), settings)).andExpect(status().isUnauthorized());

        assertThat(stored(acme)).isEqualTo(before);
        var admin = new Cookie(Api.SESSION_COOKIE, Api.login(mvc, acme.admin().email(), World.PASSWORD).getValue());
        mvc.perform(get(path).cookie(admin)).andExpect(status().isOk())
                .andExpect(jsonPath("$.idpEntityId").value(fixture.idp.entityId()))
                .andExpect(jsonPath("$.emailDomains[0]").value(acme.domain()))
                .andExpect(jsonPath("$.spKeySealed").doesNotExist());
    }

    @Test
    void badMetadataIsRefusedWithTheReasonAndNothingIsSaved() throws Exception {
        var acme = fixture.tenant(unique("bad-input"));
        var admin = new Cookie(Api.SESSION_COOKIE, Api.login(mvc, acme.admin().email(), World.PASSWORD).getValue());
        String path = "/api/v1/organizations/" + acme.org() + "/sso/saml";
        String before = stored(acme);

        mvc.perform(json(put(path).cookie(admin), "{\"idpMetadataXml\":\"<not-metadata/>\",\"emailDomains\":[\"x.example\"]}"))
                .andExpect(status().is(422))
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("IDPSSODescriptor")));
        String doctype = "<?xml version=\\\"1.0\\\"?><!DOCTYPE x [<!ENTITY e SYSTEM \\\"file:///etc/passwd\\\">]><x>&e;</x>";
        mvc.perform(json(put(path).cookie(admin), "{\"idpMetadataXml\":\"" + doctype + "\",\"emailDomains\":[\"x.example\"]}"))
                .andExpect(status().is(422));
        mvc.perform(json(put(path).cookie(admin), "{\"emailDomains\":[\"x.example\"]}")).andExpect(status().is(422));
        mvc.perform(json(put(path).cookie(admin), "{\"idpMetadataUrl\":\"file:///etc/passwd\",\"emailDomains\":[\"x.example\"]}"))
                .andExpect(status().is(422));

        assertThat(stored(acme)).isEqualTo(before);
    }

    @Test
    void theSpMetadataNamesTheOrganizationsOwnEndpointsAndCertificate() throws Exception {
        var acme = fixture.tenant(unique("metadata"));
        var other = fixture.tenant(unique("metadata-other"));

        String metadata = mvc.perform(get("/api/v1/public/sso/saml/" + acme.provider().id() + "/metadata"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/samlmetadata+xml"))
                .andReturn().getResponse().getContentAsString();

        assertThat(metadata).contains("entityID=\"" + acme.provider().spEntityId() + "\"")
                .contains("Location=\"" + acme.provider().acsUrl() + "\"")
                .contains(acme.provider().spCertificate().lines().filter(line -> !line.startsWith("-----")).findFirst().orElseThrow())
                .doesNotContain(other.provider().id().toString());
        mvc.perform(get("/api/v1/public/sso/saml/" + UUID.randomUUID() + "/metadata")).andExpect(status().isNotFound());
    }
}
