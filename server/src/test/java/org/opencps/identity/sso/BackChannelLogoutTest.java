package org.opencps.identity.sso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencps.identity.sso.OidcSignInTest.unique;
import static org.opencps.testing.Eventually.eventually;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencps.identity.SingleSignOn;
import org.opencps.testing.MutableClock;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The provider's back-channel logout ends the person's sessions; a token that fails a check ends nothing. */
@SsoTest
class BackChannelLogoutTest {

    @Autowired MockMvc mvc;
    @Autowired World world;
    @Autowired SingleSignOn sso;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;

    private SsoFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new SsoFixture(world, sso, clock);
    }

    @Test
    void aValidLogoutTokenEndsTheSessionAndAFaultyOneEndsNothing() throws Exception {
        var acme = fixture.tenant(unique("logout"));
        fixture.idp().nextSignIn(acme.issuerId(), "judy", MockIdentityProvider.person(acme.email("judy"), "Judy", null));
        var browser = new SsoBrowser(mvc);
        browser.open(acme.startPath());
        mvc.perform(get("/api/v1/me").cookie(browser.session())).andExpect(status().isOk());
        String endpoint = "/api/v1/public/sso/oidc/" + acme.provider().id() + "/backchannel-logout";

        for (var faulty : List.of(with(valid(acme), "nonce", "n-0S6_WzA2Mj"), without(valid(acme), "events"),
                with(valid(acme), "aud", "another-client"), without(without(valid(acme), "sub"), "sid"))) {
            mvc.perform(post(endpoint).contentType("application/x-www-form-urlencoded")
                            .param("logout_token", fixture.idp().sign(acme.issuerId(), faulty)))
                    .andExpect(status().isBadRequest());
        }
        // signed by the same keys, but another issuer's
        mvc.perform(post(endpoint).contentType("application/x-www-form-urlencoded")
                        .param("logout_token", fixture.idp().sign(unique("elsewhere"), valid(acme))))
                .andExpect(status().isBadRequest());
        mvc.perform(post(endpoint).contentType("application/x-www-form-urlencoded").param("logout_token", "not-a-jwt"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/me").cookie(browser.session())).andExpect(status().isOk());

        mvc.perform(post(endpoint).contentType("application/x-www-form-urlencoded")
                        .param("logout_token", fixture.idp().sign(acme.issuerId(), valid(acme))))
                .andExpect(status().isOk());

        mvc.perform(get("/api/v1/me").cookie(browser.session())).andExpect(status().isUnauthorized());
        // recorded once (the faulty tokens ended nothing), with the provider, not the person, as the one who acted
        eventually(() -> assertThat(jdbc.sql("SELECT COALESCE(CAST(actor_user_id AS VARCHAR(36)), 'none') FROM audit_event"
                        + " WHERE org_id = ? AND type = 'SESSIONS_ENDED_BY_IDENTITY_PROVIDER'").param(acme.org().value())
                .query(String.class).list()).containsExactly("none"));
    }

    @Test
    void aLogoutTokenIsUsedOnceEvenAfterThePersonSignedInAgain() throws Exception {
        var acme = fixture.tenant(unique("logout-replay"));
        String endpoint = "/api/v1/public/sso/oidc/" + acme.provider().id() + "/backchannel-logout";
        fixture.idp().nextSignIn(acme.issuerId(), "judy", MockIdentityProvider.person(acme.email("judy"), "Judy", null));
        var first = new SsoBrowser(mvc);
        first.open(acme.startPath());
        String token = fixture.idp().sign(acme.issuerId(), valid(acme));
        mvc.perform(post(endpoint).contentType("application/x-www-form-urlencoded").param("logout_token", token))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/me").cookie(first.session())).andExpect(status().isUnauthorized());

        fixture.idp().nextSignIn(acme.issuerId(), "judy", MockIdentityProvider.person(acme.email("judy"), "Judy", null));
        var again = new SsoBrowser(mvc);
        again.open(acme.startPath());
        mvc.perform(post(endpoint).contentType("application/x-www-form-urlencoded").param("logout_token", token))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/me").cookie(again.session())).andExpect(status().isOk());
    }

    private Map<String, Object> valid(SsoFixture.Tenant tenant) {
        Map<String, Object> claims = new HashMap<>();
        claims.put("iss", fixture.idp().issuer(tenant.issuerId()));
        claims.put("aud", tenant.provider().clientId());
        claims.put("iat", clock.instant().getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("sub", "judy");
        claims.put("events", Map.of("http://schemas.openid.net/event/backchannel-logout", Map.of()));
        return claims;
    }

    private static Map<String, Object> with(Map<String, Object> claims, String name, Object value) {
        var copy = new HashMap<>(claims);
        copy.put(name, value);
        return copy;
    }

    private static Map<String, Object> without(Map<String, Object> claims, String name) {
        var copy = new HashMap<>(claims);
        copy.remove(name);
        return copy;
    }
}
