package org.opencps.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.opencps.tenancy.TenancyFixtures.Org;
import org.opencps.testing.OpenCpsTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** A customer's settings at and around every limit: idle logout 1-1440 minutes, retention 1-720 hours. */
@OpenCpsTest
@Import(TenancyTestSupport.class)
class OrganizationSettingsApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TenancyFixtures fixtures;
    @Autowired
    Organizations organizations;

    Org acme;

    @BeforeEach
    void tree() {
        fixtures.reset();
        acme = fixtures.customer(fixtures.root("Root"), "Acme", 5);
    }

    @Test
    void aNewOrganizationStartsWithTheDefaults() throws Exception {
        mvc.perform(get("/api/v1/organizations/{id}/settings", acme.id()).with(acme.asAdmin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.idleLogoutMinutes").value(30))
                .andExpect(jsonPath("$.jobRetentionHours").value(24))
                .andExpect(jsonPath("$.scanRetentionHours").value(24));
    }

    @ParameterizedTest(name = "idle {0} min, job retention {1} h, scan retention {2} h")
    @CsvSource({"1, 24, 24", "1440, 24, 24", "30, 1, 24", "30, 720, 24", "30, 24, 1", "30, 24, 720"})
    void valuesAtTheLimitsAreAccepted(int idle, int jobHours, int scanHours) throws Exception {
        update(settings(idle, jobHours, scanHours)).andExpect(status().isOk())
                .andExpect(jsonPath("$.idleLogoutMinutes").value(idle));
        assertThat(organizations.settingsOf(acme.id()).idleLogoutMinutes()).isEqualTo(idle);
        assertThat(organizations.settingsOf(acme.id()).jobRetentionHours()).isEqualTo(jobHours);
        assertThat(organizations.settingsOf(acme.id()).scanRetentionHours()).isEqualTo(scanHours);
        assertThat(organizations.idleTimeout(acme.id())).hasMinutes(idle);
    }

    @ParameterizedTest(name = "idle {0} min, job retention {1} h, scan retention {2} h is refused naming {3}")
    @CsvSource({"0, 24, 24, idleLogoutMinutes", "1441, 24, 24, idleLogoutMinutes",
            "30, 0, 24, jobRetentionHours", "30, 721, 24, jobRetentionHours",
            "30, 24, 0, scanRetentionHours", "30, 24, 721, scanRetentionHours"})
    void valuesPastTheLimitsAreRefusedAndNothingChanges(int idle, int jobHours, int scanHours, String field) throws Exception {
        update(settings(idle, jobHours, scanHours))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.field").value(field));
        assertThat(organizations.settingsOf(acme.id())).isEqualTo(OrganizationSettings.defaults());
    }

    @Test
    void policyTextsAreKeptUpToTheirLength() throws Exception {
        update("""
                {"idleLogoutMinutes":15,"jobRetentionHours":48,"scanRetentionHours":12,
                 "printPolicy":"%s","ipAllowList":"10.0.0.0/8","authenticationMethods":"PASSWORD,PIN"}"""
                .formatted("p".repeat(4000)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.ipAllowList").value("10.0.0.0/8"));
        update("""
                {"idleLogoutMinutes":15,"jobRetentionHours":48,"scanRetentionHours":12,"printPolicy":"%s"}"""
                .formatted("p".repeat(4001)))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("printPolicy"));
        assertThat(organizations.settingsOf(acme.id()).ipAllowList()).isEqualTo("10.0.0.0/8");
    }

    private ResultActions update(String json) throws Exception {
        return mvc.perform(put("/api/v1/organizations/{id}/settings", acme.id()).with(acme.asAdmin())
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private static String settings(int idle, int jobHours, int scanHours) {
        return """
                {"idleLogoutMinutes":%d,"jobRetentionHours":%d,"scanRetentionHours":%d}""".formatted(idle, jobHours, scanHours);
    }
}
