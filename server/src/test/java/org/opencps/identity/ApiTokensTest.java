package org.opencps.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opencps.testing.Api.json;
import static org.opencps.testing.Api.login;
import static org.opencps.testing.Eventually.eventually;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opencps.access.AccessPolicy;
import org.opencps.access.FixedRole;
import org.opencps.identity.internal.persistence.TokenStore;
import org.opencps.identity.internal.persistence.UserStore;
import org.opencps.platform.config.OpenCpsProperties;
import org.opencps.platform.errors.InvalidInputException;
import org.opencps.testing.Api;
import org.opencps.testing.MutableClock;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

/** Personal API tokens: shown once, stored hashed, scoped to one organization, expiring, revocable. */
@OpenCpsTest
class ApiTokensTest {

    @Autowired MockMvc mvc;
    @Autowired World world;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;
    @Autowired OpenCpsProperties properties;
    @Autowired AccessPolicy policy;
    @Autowired TokenStore tokenStore;
    @Autowired UserStore userStore;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transactions;
    @Autowired org.opencps.identity.internal.sso.SsoTokenRule ssoTokenRule;
    @Autowired RecentSecondFactor stepUp;

    private ResultActions create(Cookie session, String name, int lifetimeDays) throws Exception {
        return mvc.perform(json(post("/api/v1/me/tokens").cookie(session),
                "{\"name\":\"" + name + "\",\"lifetimeDays\":" + lifetimeDays + "}"));
    }

    /** Creates a token and returns {id, secret}. */
    private String[] newToken(Cookie session, int lifetimeDays) throws Exception {
        String body = create(session, "cli", lifetimeDays).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return new String[] {JsonPath.read(body, "$.token.id"), JsonPath.read(body, "$.secret")};
    }

    private static MockHttpServletRequestBuilder bearer(MockHttpServletRequestBuilder request, String secret) {
        return request.header("Authorization", "Bearer " + secret);
    }

    @Test
    void theSecretIsInTheCreateResponseOnlyAndWorksAsABearerToken() throws Exception {
        var customer = world.customer(world.root(), "Token Co");
        var person = world.person(customer, FixedRole.CUSTOMER_USER);
        Cookie session = login(mvc, person.email(), World.PASSWORD);
        Instant now = clock.instant();
        String body = create(session, "  my laptop  ", 30).andExpect(status().isCreated())
                .andExpect(jsonPath("$.token.name").value("my laptop"))
                .andExpect(jsonPath("$.token.orgId").value(customer.toString()))
                .andExpect(jsonPath("$.token.createdAt").value(now.toString()))
                .andExpect(jsonPath("$.token.expiresAt").value(now.plus(Duration.ofDays(30)).toString()))
                .andReturn().getResponse().getContentAsString();
        String secret = JsonPath.read(body, "$.secret");
        assertThat(secret).startsWith("ocps_").hasSizeGreaterThan(40);

        String list = mvc.perform(get("/api/v1/me/tokens").cookie(session)).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].name").value("my laptop"))
                .andExpect(jsonPath("$[0].secret").doesNotExist())
                .andReturn().getResponse().getContentAsString();
        assertThat(list).doesNotContain(secret).doesNotContain(secret.substring("ocps_".length()));

        mvc.perform(bearer(get("/api/v1/me"), secret)).andExpect(status().isOk())
                .andExpect(jsonPath("$.email").value(person.email()))
                .andExpect(jsonPath("$.organizationId").value(customer.toString()))
                .andExpect(jsonPath("$.roles[0]").value("CUSTOMER_USER"));
        // a bearer request is stateless: no session is handed out
        var result = mvc.perform(bearer(get("/api/v1/me/pin"), secret)).andExpect(status().isOk()).andReturn();
        assertThat(result.getResponse().getCookie(Api.SESSION_COOKIE)).isNull();
        // the token lists its last use
        mvc.perform(bearer(get("/api/v1/me/tokens"), secret)).andExpect(jsonPath("$[0].lastUsedAt").value(now.toString()));
    }

    @Test
    void aTokenIsScopedToTheOrganizationItWasMadeIn() throws Exception {
        var first = world.customer(world.root(), "Scope One Co");
        var second = world.customer(world.root(), "Scope Two Co");
        var person = world.person(first, FixedRole.CUSTOMER_USER);
        world.join(person, second, FixedRole.CUSTOMER_ADMIN);
        var login = mvc.perform(json(post("/api/v1/auth/login"),
                "{\"email\":\"" + person.email() + "\",\"password\":\"" + World.PASSWORD + "\"}").with(Api.fromOwnAddress()))
                .andExpect(status().isOk()).andReturn();
        Cookie session = Api.sessionCookie(login);
        // without an organization picked there is nothing to scope a token to
        create(session, "cli", 30).andExpect(status().isConflict()).andExpect(jsonPath("$.field").value("organizationId"));
        var picked = mvc.perform(json(post("/api/v1/auth/organization").cookie(session), "{\"organizationId\":\"" + first + "\"}"))
                .andExpect(status().isNoContent()).andReturn();
        Cookie inFirst = picked.getResponse().getCookie(Api.SESSION_COOKIE) != null ? Api.sessionCookie(picked) : session;
        String secret = newToken(inFirst, 30)[1];

        mvc.perform(bearer(get("/api/v1/me"), secret)).andExpect(status().isOk())
                .andExpect(jsonPath("$.organizationId").value(first.toString()))
                .andExpect(jsonPath("$.roles.length()").value(1))
                .andExpect(jsonPath("$.roles[0]").value("CUSTOMER_USER"));
        // the person is an admin in the second organization, but the token is not
        mvc.perform(bearer(get("/api/v1/organizations/" + second + "/members"), secret)).andExpect(status().isNotFound());
        mvc.perform(bearer(get("/api/v1/organizations/" + first + "/members"), secret)).andExpect(status().isForbidden());
        // and it cannot be moved into the other organization with the tenant selector
        var moved = mvc.perform(bearer(json(post("/api/v1/auth/organization"), "{\"organizationId\":\"" + second + "\"}"), secret))
                .andReturn().getResponse();
        assertThat(moved.getStatus()).isEqualTo(403);
        assertThat(moved.getCookie(Api.SESSION_COOKIE)).isNull();
        mvc.perform(bearer(get("/api/v1/me"), secret)).andExpect(jsonPath("$.organizationId").value(first.toString()));
        mvc.perform(bearer(get("/api/v1/organizations/" + second + "/members"), secret)).andExpect(status().isNotFound());
        // the token is not listed in the other organization
        var inSecond = mvc.perform(json(post("/api/v1/auth/organization").cookie(inFirst), "{\"organizationId\":\"" + second + "\"}"))
                .andExpect(status().isNoContent()).andReturn();
        Cookie secondSession = inSecond.getResponse().getCookie(Api.SESSION_COOKIE) != null ? Api.sessionCookie(inSecond) : inFirst;
        mvc.perform(get("/api/v1/me/tokens").cookie(secondSession)).andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void wrongGarbledRevokedAndExpiredTokensAre401() throws Exception {
        var customer = world.customer(world.root(), "Bad Token Co");
        var person = world.person(customer, FixedRole.CUSTOMER_USER);
        Cookie session = login(mvc, person.email(), World.PASSWORD);
        String[] token = newToken(session, 1);
        String secret = token[1];
        String flipped = secret.substring(0, secret.length() - 1) + (secret.endsWith("A") ? "B" : "A");
        for (String wrong : new String[] {flipped, "ocps_", "ocps_" + "x".repeat(43), "garbage", "", secret.substring(5),
                secret + "x", "ocps_" + "x".repeat(200), secret.toUpperCase()}) {
            mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + wrong)).andExpect(status().isUnauthorized());
        }
        // a wrong token is refused even when a valid session cookie comes along
        mvc.perform(get("/api/v1/me").cookie(session).header("Authorization", "Bearer " + flipped)).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/me").header("Authorization", "bearer " + secret)).andExpect(status().isOk());

        // expiry: one day, to the second
        clock.advance(Duration.ofDays(1).minusMinutes(1));
        mvc.perform(bearer(get("/api/v1/me"), secret)).andExpect(status().isOk());
        clock.advance(Duration.ofMinutes(1));
        mvc.perform(bearer(get("/api/v1/me"), secret)).andExpect(status().isUnauthorized());
        clock.advance(Duration.ofDays(400));
        mvc.perform(bearer(get("/api/v1/me"), secret)).andExpect(status().isUnauthorized());

        // revocation
        session = login(mvc, person.email(), World.PASSWORD);
        String[] other = newToken(session, 30);
        mvc.perform(bearer(get("/api/v1/me"), other[1])).andExpect(status().isOk());
        mvc.perform(delete("/api/v1/me/tokens/" + other[0]).cookie(session)).andExpect(status().isNoContent());
        mvc.perform(bearer(get("/api/v1/me"), other[1])).andExpect(status().isUnauthorized());
        mvc.perform(delete("/api/v1/me/tokens/" + other[0]).cookie(session)).andExpect(status().isNotFound());
        String list = mvc.perform(get("/api/v1/me/tokens").cookie(session)).andReturn().getResponse().getContentAsString();
        java.util.List<String> revokedAt = JsonPath.read(list, "$[?(@.id == '" + other[0] + "')].revokedAt");
        assertThat(revokedAt).containsExactly(clock.instant().toString());
    }

    @Test
    void aTokenLivesOneDayToTheConfiguredMaximum() throws Exception {
        assertThat(properties.security().apiTokenMaxLifetime()).isEqualTo(Duration.ofDays(90));
        var customer = world.customer(world.root(), "Lifetime Co");
        var person = world.person(customer, FixedRole.CUSTOMER_USER);
        Cookie session = login(mvc, person.email(), World.PASSWORD);
        Instant now = clock.instant();
        int before = tokenCount();
        for (int days : new int[] {0, -1, Integer.MIN_VALUE}) {
            create(session, "short", days).andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("lifetimeDays"));
        }
        for (int days : new int[] {91, 365, 3650, 3651}) {
            var response = create(session, "long", days).andReturn().getResponse();
            assertThat(response.getStatus()).as(days + " days").isIn(400, 422);
            assertThat((String) JsonPath.read(response.getContentAsString(), "$.field")).isEqualTo("lifetimeDays");
        }
        create(session, "long", 91).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("90")));
        assertThat(tokenCount()).isEqualTo(before);
        create(session, "one day", 1).andExpect(status().isCreated())
                .andExpect(jsonPath("$.token.expiresAt").value(now.plus(Duration.ofDays(1)).toString()));
        create(session, "ninety days", 90).andExpect(status().isCreated())
                .andExpect(jsonPath("$.token.expiresAt").value(now.plus(Duration.ofDays(90)).toString()));
        create(session, "eighty-nine days", 89).andExpect(status().isCreated());
        assertThat(tokenCount()).isEqualTo(before + 3);
    }

    @Test
    void theMaximumLifetimeFollowsTheSetting() {
        var customer = world.customer(world.root(), "Short Lived Co");
        var person = world.person(customer, FixedRole.CUSTOMER_USER);
        var security = properties.security();
        var shorter = new OpenCpsProperties(properties.dataDir(), properties.publicUrl(),
                new OpenCpsProperties.Security(security.lockoutThreshold(), security.lockoutDuration(), security.defaultIdleTimeout(),
                        security.absoluteSessionTimeout(), security.signupEnabled(), Duration.ofDays(30), security.maxJsonBody(),
                        security.loginAttemptsPerSourcePerMinute()),
                properties.mail(), properties.bootstrap());
        var tokens = new ApiTokens(policy, tokenStore, userStore, events, clock, shorter, ssoTokenRule, stepUp);
        // each in a transaction, as the bean's own calls are: its event is delivered after the commit
        assertThat(transactions.execute(status -> tokens.create(person.actor(), "thirty", 30)).secret()).startsWith("ocps_");
        assertThatThrownBy(() -> transactions.execute(status -> tokens.create(person.actor(), "thirty-one", 31)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("1 to 30 days");
        assertThatThrownBy(() -> transactions.execute(status -> tokens.create(person.actor(), "none", 0)))
                .isInstanceOf(InvalidInputException.class);
        assertThat(transactions.execute(status -> tokens.create(person.actor(), "one", 1)).token().expiresAt())
                .isEqualTo(clock.instant().plus(Duration.ofDays(1)));
    }

    @Test
    void theDatabaseHoldsOnlyAHashOfTheSecret() throws Exception {
        var customer = world.customer(world.root(), "Hashed Token Co");
        var person = world.person(customer, FixedRole.CUSTOMER_USER);
        String[] token = newToken(login(mvc, person.email(), World.PASSWORD), 30);
        String secret = token[1];
        String random = secret.substring("ocps_".length());
        var rows = jdbc.sql("SELECT * FROM identity_api_token WHERE id = ?").param(java.util.UUID.fromString(token[0])).query().listOfRows();
        assertThat(rows).hasSize(1);
        assertThat(String.valueOf(rows.getFirst().get("token_hash"))).isNotBlank().isNotEqualTo(secret);
        for (Map<String, Object> row : jdbc.sql("SELECT * FROM identity_api_token").query().listOfRows()) {
            assertThat(row.values()).allSatisfy(value -> assertThat(String.valueOf(value)).doesNotContain(random));
        }
        eventually(() -> assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE type = 'API_TOKEN_CREATED' AND subject = ?")
                .param(token[0]).query(Integer.class).single()).as("the token's creation is in the audit trail").isOne());
        assertThat(jdbc.sql("SELECT * FROM audit_event").query().listOfRows()).allSatisfy(row -> assertThat(row.values())
                .allSatisfy(value -> assertThat(String.valueOf(value)).doesNotContain(random)));
    }

    @Test
    void theTokenOfARemovedMemberStopsWorking() throws Exception {
        var customer = world.customer(world.root(), "Leaver Co");
        var admin = world.person(customer, FixedRole.CUSTOMER_ADMIN);
        var leaver = world.person(customer, FixedRole.CUSTOMER_USER);
        String secret = newToken(login(mvc, leaver.email(), World.PASSWORD), 30)[1];
        mvc.perform(bearer(get("/api/v1/me"), secret)).andExpect(status().isOk());
        mvc.perform(delete("/api/v1/organizations/" + customer + "/members/" + leaver.userId()).cookie(login(mvc, admin.email(), World.PASSWORD)))
                .andExpect(status().isNoContent());
        mvc.perform(bearer(get("/api/v1/me"), secret)).andExpect(status().isUnauthorized());
        mvc.perform(bearer(get("/api/v1/me/pin"), secret)).andExpect(status().isUnauthorized());
        // coming back does not revive the old token
        world.join(new World.Person(leaver.userId(), leaver.email(), customer), customer, FixedRole.CUSTOMER_USER);
        mvc.perform(bearer(get("/api/v1/me"), secret)).andExpect(status().isUnauthorized());
    }

    @Test
    void anotherPersonCannotRevokeMyToken() throws Exception {
        var customer = world.customer(world.root(), "Revoke Co");
        var me = world.person(customer, FixedRole.CUSTOMER_USER);
        var admin = world.person(customer, FixedRole.CUSTOMER_ADMIN);
        var stranger = world.person(world.customer(world.root(), "Revoke Stranger Co"), FixedRole.CUSTOMER_ADMIN);
        String[] token = newToken(login(mvc, me.email(), World.PASSWORD), 30);
        for (var other : new World.Person[] {admin, stranger}) {
            Cookie session = login(mvc, other.email(), World.PASSWORD);
            mvc.perform(delete("/api/v1/me/tokens/" + token[0]).cookie(session)).andExpect(status().isNotFound());
            // nor with a token of their own
            String theirs = newToken(session, 30)[1];
            mvc.perform(bearer(delete("/api/v1/me/tokens/" + token[0]), theirs)).andExpect(status().isNotFound());
        }
        mvc.perform(bearer(get("/api/v1/me"), token[1])).andExpect(status().isOk());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM identity_api_token WHERE id = ? AND revoked_at IS NULL")
                .param(java.util.UUID.fromString(token[0])).query(Integer.class).single()).isEqualTo(1);
    }

    private int tokenCount() {
        return jdbc.sql("SELECT COUNT(*) FROM identity_api_token").query(Integer.class).single();
    }
}
