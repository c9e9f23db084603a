package org.opencps.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencps.identity.FirstStartTest.setupBody;
import static org.opencps.testing.Api.json;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.opencps.platform.ids.OrgKind;
import org.opencps.testing.Api;
import org.opencps.testing.OpenCpsTest;
import org.opencps.tenancy.Organizations;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** The first start with OPENCPS_BOOTSTRAP_ADMIN_EMAIL / _PASSWORD set: a server of its own (see {@link FirstStartTest} for the rest). */
@OpenCpsTest
@TestPropertySource(properties = {
        "opencps.bootstrap.admin-email=Boot.Admin@Example.com",
        "opencps.bootstrap.admin-password=Boot-Strap-2024!",
        "opencps.bootstrap.organization-name=Regional HQ"})
@DirtiesContext
class FirstStartBootstrapTest {

    @Autowired MockMvc mvc;
    @Autowired Organizations organizations;
    @Autowired FirstStart firstStart;
    @Autowired JdbcClient jdbc;

    @Test
    void theRootProviderAndItsAdminExistAndTheAdminLogsIn() throws Exception {
        var root = organizations.root().orElseThrow();
        assertThat(root.name()).isEqualTo("Regional HQ");
        assertThat(root.kind()).isEqualTo(OrgKind.ROOT_PROVIDER);
        var login = mvc.perform(json(post("/api/v1/auth/login"), "{\"email\":\"boot.admin@example.com\",\"password\":\"Boot-Strap-2024!\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.organizationId").value(root.id().toString())).andReturn();
        mvc.perform(get("/api/v1/me").cookie(Api.sessionCookie(login))).andExpect(status().isOk())
                .andExpect(jsonPath("$.email").value("boot.admin@example.com"))
                .andExpect(jsonPath("$.roles").value(Matchers.contains("PROVIDER_ADMIN")))
                .andExpect(jsonPath("$.permissions").value(Matchers.hasItem("ORGANIZATIONS_MANAGE")));
        // the password is kept only as a slow hash
        String hash = jdbc.sql("SELECT p.hash FROM identity_password p JOIN identity_user u ON u.id = p.user_id WHERE u.email = ?")
                .param("boot.admin@example.com").query(String.class).single();
        assertThat(hash).doesNotContain("Boot-Strap-2024!").startsWith("$argon2id$");

        // a restart changes nothing, and there is no setup link to use
        int users = jdbc.sql("SELECT COUNT(*) FROM identity_user").query(Integer.class).single();
        firstStart.run(null);
        assertThat(organizations.root().orElseThrow().id()).isEqualTo(root.id());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM identity_user").query(Integer.class).single()).isEqualTo(users);
        mvc.perform(json(post("/api/v1/setup"), setupBody("setup_anything", "Other", "other@example.com", "Other-Admin-4")))
                .andExpect(status().isNotFound());
    }
}
