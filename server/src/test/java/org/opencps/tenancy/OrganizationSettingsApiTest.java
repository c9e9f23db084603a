package org.opencps.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.opencps.tenancy.TenancyFixtures.Org;
import org.opencps.testing.Api;
import org.opencps.testing.OpenCpsTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A customer's settings at and around every limit: idle logout 1-1440 minutes, retention 1-720
 * hours, the IP allow-list's networks, the ways to log in at printers; and no field nothing reads.
 */
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
                .andExpect(jsonPath("$.ipAllowList").isEmpty())
                .andExpect(jsonPath("$.deviceLoginMethods", containsInAnyOrder("PIN", "CARD", "PASSWORD")))
                .andExpect(jsonPath("$.scanRetentionHours").doesNotExist())
                .andExpect(jsonPath("$.printPolicy").doesNotExist())
                .andExpect(jsonPath("$.ssoConfiguration").doesNotExist());
    }

    @ParameterizedTest(name = "idle {0} min, job retention {1} h")
    @CsvSource({"1, 24", "1440, 24", "30, 1", "30, 720"})
    void valuesAtTheLimitsAreAccepted(int idle, int jobHours) throws Exception {
        update(settings(idle, jobHours)).andExpect(status().isOk())
                .andExpect(jsonPath("$.idleLogoutMinutes").value(idle));
        assertThat(organizations.settingsOf(acme.id()).idleLogoutMinutes()).isEqualTo(idle);
        assertThat(organizations.settingsOf(acme.id()).jobRetentionHours()).isEqualTo(jobHours);
        assertThat(organizations.idleTimeout(acme.id())).hasMinutes(idle);
    }

    @ParameterizedTest(name = "idle {0} min, job retention {1} h is refused naming {2}")
    @CsvSource({"0, 24, idleLogoutMinutes", "1441, 24, idleLogoutMinutes",
            "30, 0, jobRetentionHours", "30, 721, jobRetentionHours"})
    void valuesPastTheLimitsAreRefusedAndNothingChanges(int idle, int jobHours, String field) throws Exception {
        update(settings(idle, jobHours))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.field").value(field));
        assertThat(organizations.settingsOf(acme.id())).isEqualTo(OrganizationSettings.defaults());
    }

    /** Fields that nothing read (free-text policies, scanning, SSO) are gone; sending one is a 400 naming it. */
    @ParameterizedTest
    @ValueSource(strings = {"printPolicy", "allowedScanDestinations", "scanRetentionHours", "ssoConfiguration",
            "authenticationMethods"})
    void aFieldThatNothingReadsIsNoLongerAccepted(String field) throws Exception {
        update("""
                {"idleLogoutMinutes":15,"jobRetentionHours":48,"%s":"x"}""".formatted(field))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value(field))
                .andExpect(jsonPath("$.detail").value("unknown field '" + field + "'"));
        assertThat(organizations.settingsOf(acme.id())).isEqualTo(OrganizationSettings.defaults());
    }

    @Test
    void anAllowListOfIpv4AndIpv6NetworksIsKeptAsGiven() throws Exception {
        update("""
                {"idleLogoutMinutes":15,"jobRetentionHours":48,
                 "ipAllowList":["127.0.0.0/8"," 192.0.2.7 ","2001:db8::/32",""],"deviceLoginMethods":["CARD"]}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ipAllowList", contains("127.0.0.0/8", "192.0.2.7", "2001:db8::/32")))
                .andExpect(jsonPath("$.deviceLoginMethods", contains("CARD")));
        mvc.perform(get("/api/v1/organizations/{id}/settings", acme.id()).with(acme.asAdmin()))
                .andExpect(jsonPath("$.ipAllowList", contains("127.0.0.0/8", "192.0.2.7", "2001:db8::/32")));
        assertThat(organizations.deviceLoginMethods(acme.id())).containsExactly(DeviceLoginMethod.CARD);
        // omitted on the next PUT, which replaces the settings: every address and every way to log in again
        update(settings(15, 48)).andExpect(status().isOk());
        assertThat(organizations.settingsOf(acme.id()).ipAllowList()).isEmpty();
        assertThat(organizations.deviceLoginMethods(acme.id())).hasSize(3);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "office                 | is not an IPv4 or IPv6 network",
            "10.0.0.0/33            | the prefix length, 0 to 32",
            "2001:db8::/129         | the prefix length, 0 to 128",
            "10.1.2.3/8             | bits set beyond its /8 prefix",
            "fe80::1%eth0           | is not an IPv4 or IPv6 network"})
    void anEntryThatIsNoNetworkIsRefusedNamingItAndNothingChanges(String entry, String reason) throws Exception {
        update("""
                {"idleLogoutMinutes":15,"jobRetentionHours":48,"ipAllowList":["127.0.0.0/8","%s"]}""".formatted(entry))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.field").value("ipAllowList"))
                .andExpect(jsonPath("$.detail", allOf(containsString("\"" + entry + "\""), containsString(reason))));
        assertThat(organizations.settingsOf(acme.id())).isEqualTo(OrganizationSettings.defaults());
    }

    @Test
    void anAdminCannotSaveAListThatLocksThemOut() throws Exception {
        update("""
                {"idleLogoutMinutes":15,"jobRetentionHours":48,"ipAllowList":["10.0.0.0/8"]}""")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.field").value("ipAllowList"))
                .andExpect(jsonPath("$.detail", containsString("your own address, 127.0.0.1, is not in the list")));
        assertThat(organizations.settingsOf(acme.id())).isEqualTo(OrganizationSettings.defaults());
        update(Api.from("0:0:0:0:0:0:0:1"), """
                {"idleLogoutMinutes":15,"jobRetentionHours":48,"ipAllowList":["127.0.0.0/8"]}""")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail", containsString("your own address, 0:0:0:0:0:0:0:1, is not in the list")));
        // from inside the network the list is saved, and from then on the admin's old address is refused
        update(Api.from("0:0:0:0:0:0:0:1"), """
                {"idleLogoutMinutes":15,"jobRetentionHours":48,"ipAllowList":["::1/128"]}""").andExpect(status().isOk());
        assertThat(organizations.settingsOf(acme.id()).ipAllowList()).containsExactly("::1/128");
        update(settings(15, 48)).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail", containsString("accepts requests only from its own networks")));
        assertThat(organizations.settingsOf(acme.id()).ipAllowList()).containsExactly("::1/128");
    }

    @Test
    void atLeastOneWayToLogInAtPrintersStaysAndOnlyKnownOnesAreAccepted() throws Exception {
        update("""
                {"idleLogoutMinutes":15,"jobRetentionHours":48,"deviceLoginMethods":[]}""")
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("deviceLoginMethods"));
        update("""
                {"idleLogoutMinutes":15,"jobRetentionHours":48,"deviceLoginMethods":["PIN","SSO"]}""")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("deviceLoginMethods[1]"));
        assertThat(organizations.settingsOf(acme.id())).isEqualTo(OrganizationSettings.defaults());
    }

    // reports-usage: the time zone reports count days in
    @Test
    void theTimeZoneIsAnIanaZoneDefaultingToUtc() throws Exception {
        mvc.perform(get("/api/v1/organizations/{id}/settings", acme.id()).with(acme.asAdmin()))
                .andExpect(jsonPath("$.timeZone").value("UTC"));
        update("""
                {"idleLogoutMinutes":30,"jobRetentionHours":24,"timeZone":"Asia/Tokyo"}""").andExpect(status().isOk())
                .andExpect(jsonPath("$.timeZone").value("Asia/Tokyo"));
        assertThat(organizations.timeZone(acme.id())).hasToString("Asia/Tokyo");
        for (String bad : new String[] {"Mars/Olympus", "+02:00", "GMT+2", "europe/berlin", "x".repeat(70)}) {
            update("""
                    {"idleLogoutMinutes":30,"jobRetentionHours":24,"timeZone":"%s"}""".formatted(bad))
                    .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("timeZone"));
        }
        assertThat(organizations.timeZone(acme.id())).as("nothing refused was saved").hasToString("Asia/Tokyo");
        update(settings(30, 24)).andExpect(status().isOk()).andExpect(jsonPath("$.timeZone").value("UTC"));
    }

    private ResultActions update(String json) throws Exception {
        return update(request -> request, json);
    }

    private ResultActions update(RequestPostProcessor from, String json) throws Exception {
        return mvc.perform(put("/api/v1/organizations/{id}/settings", acme.id()).with(acme.asAdmin()).with(from)
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private static String settings(int idle, int jobHours) {
        return """
                {"idleLogoutMinutes":%d,"jobRetentionHours":%d}""".formatted(idle, jobHours);
    }
}
