package org.opencps.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opencps.testing.Api.json;
import static org.opencps.testing.Eventually.eventually;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opencps.identity.internal.persistence.UserStore;
import org.opencps.platform.config.OpenCpsProperties;
import org.opencps.platform.config.PublicUrl;
import org.opencps.platform.ids.OrgKind;
import org.opencps.testing.Api;
import org.opencps.testing.MutableClock;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.RowCounts;
import org.opencps.tenancy.Organizations;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The first start creates the root provider and its first admin: from the bootstrap settings, or
 * through a one-time setup link printed to the log. This class has a server of its own with no
 * root provider (nothing here uses {@code World}, which would create one).
 */
@OpenCpsTest
@TestPropertySource(properties = "opencps.test.context=first-start")
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FirstStartTest {

    private static final Pattern SETUP_LINK = Pattern.compile("/setup\\?token=(setup_[A-Za-z0-9_-]+)");

    @Autowired MockMvc mvc;
    @Autowired FirstStart firstStart;
    @Autowired Organizations organizations;
    @Autowired UserStore userStore;
    @Autowired Users users;
    @Autowired Passwords passwords;
    @Autowired MutableClock clock;
    @Autowired OpenCpsProperties properties;
    @Autowired PublicUrl publicUrl;
    @Autowired PlatformTransactionManager transactions;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationEventPublisher events;

    private FirstStart withBootstrap(String email, String password, String organizationName) {
        var configured = new OpenCpsProperties(properties.dataDir(), properties.publicUrl(), properties.security(),
                properties.mail(), new OpenCpsProperties.Bootstrap(email, password, organizationName));
        return new FirstStart(organizations, userStore, users, passwords, clock, configured, publicUrl, transactions, events);
    }

    private Map<String, Integer> rowCounts() {
        return RowCounts.of(jdbc, "identity_", "tenancy_", "access_");
    }

    static String setupBody(String token, String organizationName, String email, String password) {
        return "{\"token\":\"" + token + "\",\"organizationName\":\"" + organizationName + "\",\"email\":\"" + email
                + "\",\"displayName\":\"First Admin\",\"password\":\"" + password + "\"}";
    }

    @Test
    @Order(1)
    void aBootstrapPasswordBreakingThePolicyStopsTheStartAndCreatesNothing() {
        assertThat(organizations.root()).isEmpty();
        var before = rowCounts();
        assertThat(before).containsKeys("identity_user", "identity_membership");
        Map<String, String> brokenRules = Map.of(
                "Sh0rt!", "at least 8 characters",
                "lower-case-only-1", "upper-case letter",
                "UPPER-CASE-ONLY-1", "lower-case letter",
                "No-Digits-Here", "digit",
                "NoSymbols123", "symbol",
                "Umlaut-Ü-Pass1", "may only contain",
                "Aa1!" + "x".repeat(61), "at most 64 characters");
        brokenRules.forEach((password, rule) -> assertThatThrownBy(() -> withBootstrap("boot@example.com", password, "Root provider").run(null))
                .as(password)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("OPENCPS_BOOTSTRAP_ADMIN_PASSWORD")
                .hasMessageContaining(rule)
                .hasMessageNotContaining(password));
        assertThatThrownBy(() -> withBootstrap("boot@example.com", null, "Root provider").run(null))
                .hasMessageContaining("OPENCPS_BOOTSTRAP_ADMIN_PASSWORD").hasMessageContaining("required");
        assertThatThrownBy(() -> withBootstrap("not an address", "Good-Pass-123", "Root provider").run(null))
                .hasMessageContaining("OPENCPS_BOOTSTRAP_ADMIN_EMAIL");
        assertThatThrownBy(() -> withBootstrap("boot@example.com", "Good-Pass-123", "x".repeat(500)).run(null))
                .hasMessageContaining("OPENCPS_BOOTSTRAP_ORGANIZATION_NAME").hasMessageNotContaining("PASSWORD");
        assertThat(organizations.root()).isEmpty();
        assertThat(userStore.findByEmail("boot@example.com")).isEmpty();
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    @Order(2)
    void withoutBootstrapSettingsAOneTimeSetupLinkIsLoggedAndCreatesTheRootAndItsAdmin(CapturedOutput output) throws Exception {
        assertThat(organizations.root()).isEmpty();
        int logged = output.getAll().length();
        firstStart.run(null);
        String log = output.getAll().substring(logged);
        Matcher link = SETUP_LINK.matcher(log);
        assertThat(link.find()).as(log).isTrue();
        String token = link.group(1);
        assertThat(log).contains("http://localhost:8080/setup?token=" + token)
                .contains("OPENCPS_BOOTSTRAP_ADMIN_EMAIL").contains("OPENCPS_BOOTSTRAP_ADMIN_PASSWORD")
                .contains("POST /api/v1/setup {\"token\": \"" + token + "\"");
        var before = rowCounts();

        // a wrong token, and a token of the right form that was never issued
        mvc.perform(json(post("/api/v1/setup"), setupBody("setup_wrong", "Head Office", "first@example.com", "First-Admin-1")))
                .andExpect(status().isNotFound());
        mvc.perform(json(post("/api/v1/setup"), setupBody(token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A"),
                "Head Office", "first@example.com", "First-Admin-1"))).andExpect(status().isNotFound());
        // a weak password: refused, naming it, and the link still works
        mvc.perform(json(post("/api/v1/setup"), setupBody(token, "Head Office", "first@example.com", "weakpass")))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("password"));
        mvc.perform(json(post("/api/v1/setup"), setupBody(token, "Head\\u0007Office", "first@example.com", "First-Admin-1")))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("organizationName"));
        assertThat(rowCounts()).isEqualTo(before);
        assertThat(organizations.root()).isEmpty();

        String admin = com.jayway.jsonpath.JsonPath.read(mvc.perform(json(post("/api/v1/setup"),
                        setupBody(token, "Head Office", "First@Example.com", "First-Admin-1")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.adminUserId");
        var root = organizations.root().orElseThrow();
        assertThat(root.name()).isEqualTo("Head Office");
        assertThat(root.kind()).isEqualTo(OrgKind.ROOT_PROVIDER);
        var session = Api.login(mvc, "first@example.com", "First-Admin-1");
        mvc.perform(get("/api/v1/me").cookie(session)).andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(admin))
                .andExpect(jsonPath("$.organizationId").value(root.id().toString()))
                .andExpect(jsonPath("$.roles").value(Matchers.contains("PROVIDER_ADMIN")));
        eventually(() -> assertThat(jdbc.sql("SELECT actor_user_id FROM audit_event WHERE org_id = ? AND type = 'FIRST_ADMIN_CREATED'")
                .param(root.id().value()).query(String.class).list()).containsExactly(admin));

        // the link works once, and a restart with a root does not print another one
        mvc.perform(json(post("/api/v1/setup"), setupBody(token, "Second Office", "second@example.com", "Second-Admin-2")))
                .andExpect(status().isNotFound());
        mvc.perform(json(post("/api/v1/setup"), setupBody("setup_wrong", "Second Office", "second@example.com", "Second-Admin-2")))
                .andExpect(status().isNotFound());
        int loggedBefore = output.getAll().length();
        firstStart.run(null);
        assertThat(SETUP_LINK.matcher(output.getAll().substring(loggedBefore)).find()).isFalse();
        assertThat(userStore.findByEmail("second@example.com")).isEmpty();
        assertThat(organizations.root().orElseThrow().id()).isEqualTo(root.id());
    }

    @Test
    @Order(3)
    void bootstrapSettingsDoNothingOnceTheRootExists() {
        var root = organizations.root();
        assertThat(root).as("the root provider made through the setup link").isPresent();
        var before = rowCounts();
        withBootstrap("late@example.com", "Late-Admin-3", "Late Office").run(null);
        assertThat(organizations.root()).isEqualTo(root);
        assertThat(userStore.findByEmail("late@example.com")).isEmpty();
        assertThat(rowCounts()).isEqualTo(before);
    }
}
