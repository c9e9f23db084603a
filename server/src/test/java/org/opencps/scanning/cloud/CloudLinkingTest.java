package org.opencps.scanning.cloud;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.opencps.testing.Eventually.eventually;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;
import org.opencps.access.FixedRole;
import org.junit.jupiter.api.Test;
import org.opencps.platform.security.ActorAuthentication;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Linking through the real routes: the API begins the OAuth2 authorization code flow with state
 * and a PKCE S256 challenge, the provider's redirect back completes it for the person who began it
 * only, the code is exchanged with the verifier, and only sealed tokens are kept. Unlinking revokes
 * the grant at the provider.
 */
class CloudLinkingTest extends CloudTest {

    @Autowired MockMvc mvc;

    @Test
    void aPersonLinksWithStateAndPkceAndOnlySealedTokensAreKept() throws Exception {
        World.Person person = person();
        Map<String, String> authorize = begin(person, "drive");
        assertThat(authorize).containsEntry("response_type", "code").containsEntry("client_id", "google-client")
                .containsEntry("code_challenge_method", "S256").containsEntry("redirect_uri", "http://localhost:8080/cloud-accounts/callback")
                .containsEntry("access_type", "offline").containsKey("scope");
        grants("code-1", "linked-access-token", "linked-refresh-token");

        var callback = mvc.perform(as(person, get("/cloud-accounts/callback").param("state", authorize.get("state")).param("code", "code-1")))
                .andReturn().getResponse();

        assertThat(callback.getStatus()).isEqualTo(302);
        assertThat(callback.getRedirectedUrl()).isEqualTo("/cloud-accounts");
        String exchange = cloud.findAll(postRequestedFor(urlPathEqualTo("/google/token"))).getFirst().getBodyAsString();
        Map<String, String> form = query(exchange);
        assertThat(form).containsEntry("grant_type", "authorization_code").containsEntry("code", "code-1")
                .containsEntry("redirect_uri", "http://localhost:8080/cloud-accounts/callback");
        assertThat(s256(form.get("code_verifier"))).as("the verifier sent matches the challenge").isEqualTo(authorize.get("code_challenge"));
        assertThat(storage.linked(person.orgId(), person.userId(), CloudService.DRIVE)).isTrue();
        eventually(() -> assertThat(audited("CLOUD_ACCOUNT_LINKED", person)).containsExactly(person.userId() + " drive"));
        assertThat(rowsOf("scanning_cloud_account")).doesNotContain("linked-access-token", "linked-refresh-token");
        assertThat(rowsOf("scanning_cloud_link")).doesNotContain(authorize.get("state"));
        assertThat(mvc.perform(as(person, get("/api/v1/me/cloud-accounts"))).andReturn().getResponse().getContentAsString())
                .contains("\"service\":\"DRIVE\"").doesNotContain("linked-access-token");
        assertThat(mvc.perform(as(person, get("/cloud-accounts"))).andReturn().getResponse().getContentAsString())
                .contains("id=\"cloud-drive\"", "/cloud-accounts/drive/unlink");

        // the state is used once
        assertThat(mvc.perform(as(person, get("/cloud-accounts/callback").param("state", authorize.get("state")).param("code", "code-1")))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void noOneButThePersonWhoBeganTheLinkCanCompleteIt() throws Exception {
        World.Person person = person();
        World.Person colleague = world.person(person.orgId(), FixedRole.CUSTOMER_USER);
        World.Person stranger = person();
        Map<String, String> authorize = begin(person, "box");
        grants("code-2", "box-linked-access", "box-linked-refresh");

        for (World.Person attacker : new World.Person[] {colleague, stranger}) {
            var response = mvc.perform(as(attacker, get("/cloud-accounts/callback").param("state", authorize.get("state"))
                    .param("code", "code-2"))).andReturn().getResponse();
            assertThat(response.getStatus()).isEqualTo(404);
            assertThat(storage.linked(attacker.orgId(), attacker.userId(), CloudService.BOX)).isFalse();
        }
        assertThat(cloud.findAll(postRequestedFor(urlPathEqualTo("/box/oauth2/token")))).as("no code was redeemed").isEmpty();
        assertThat(storage.linked(person.orgId(), person.userId(), CloudService.BOX)).isFalse();

        // the link is still the person's to complete
        assertThat(mvc.perform(as(person, get("/cloud-accounts/callback").param("state", authorize.get("state")).param("code", "code-2")))
                .andReturn().getResponse().getStatus()).isEqualTo(302);
        assertThat(storage.linked(person.orgId(), person.userId(), CloudService.BOX)).isTrue();
    }

    @Test
    void unlinkingForgetsTheTokensAndRevokesThemAtTheProviderAndTouchesNoOneElses() throws Exception {
        World.Person person = person();
        World.Person colleague = world.person(person.orgId(), FixedRole.CUSTOMER_USER);
        link(person, CloudService.DRIVE, "to-revoke-access", "to-revoke-refresh", java.time.Duration.ofHours(1));
        cloud.stubFor(post(urlPathEqualTo("/google/revoke")).willReturn(aResponse().withStatus(200)));

        assertThat(mvc.perform(as(colleague, delete("/api/v1/me/cloud-accounts/drive"))).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(storage.linked(person.orgId(), person.userId(), CloudService.DRIVE)).isTrue();

        assertThat(audited("CLOUD_ACCOUNT_UNLINKED", person)).isEmpty();
        assertThat(mvc.perform(as(person, delete("/api/v1/me/cloud-accounts/drive"))).andReturn().getResponse().getStatus()).isEqualTo(204);
        assertThat(storage.linked(person.orgId(), person.userId(), CloudService.DRIVE)).isFalse();
        eventually(() -> assertThat(audited("CLOUD_ACCOUNT_UNLINKED", person)).containsExactly(person.userId() + " drive"));
        assertThat(cloud.findAll(postRequestedFor(urlPathEqualTo("/google/revoke"))).getFirst().getBodyAsString())
                .contains("token=to-revoke-refresh");
        assertThat(mvc.perform(as(person, delete("/api/v1/me/cloud-accounts/drive"))).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(as(person, delete("/api/v1/me/cloud-accounts/dropbox"))).andReturn().getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void anOrganizationsOwnOAuthClientReplacesTheDeploymentsAndItsSecretIsSealed() throws Exception {
        World.Person admin = world.person(person().orgId(), FixedRole.CUSTOMER_ADMIN);
        World.Person member = world.person(admin.orgId(), FixedRole.CUSTOMER_USER);
        var configure = org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .put("/api/v1/organizations/" + admin.orgId() + "/cloud-clients/google")
                .contentType("application/json").content("{\"clientId\":\"own-client\",\"clientSecret\":\"own-secret-text\"}");

        assertThat(mvc.perform(as(member, configure)).andReturn().getResponse().getStatus()).as("not a settings manager").isEqualTo(403);
        assertThat(mvc.perform(as(admin, configure)).andReturn().getResponse().getStatus()).isEqualTo(204);
        assertThat(rowsOf("scanning_cloud_client")).contains("own-client").doesNotContain("own-secret-text");

        Map<String, String> authorize = begin(member, "drive");
        assertThat(authorize).containsEntry("client_id", "own-client");
        grants("code-3", "own-access", "own-refresh");
        mvc.perform(as(member, get("/cloud-accounts/callback").param("state", authorize.get("state")).param("code", "code-3")));
        assertThat(query(cloud.findAll(postRequestedFor(urlPathEqualTo("/google/token"))).getFirst().getBodyAsString()))
                .containsEntry("client_id", "own-client").containsEntry("client_secret", "own-secret-text");

        assertThat(begin(person(), "drive")).as("other organizations keep the deployment's client").containsEntry("client_id", "google-client");
    }

    private Map<String, String> begin(World.Person person, String service) throws Exception {
        String body = mvc.perform(as(person, org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .post("/api/v1/me/cloud-accounts/" + service + "/link"))).andReturn().getResponse().getContentAsString();
        String url = body.replaceAll(".*\"authorizationUrl\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        assertThat(url).startsWith(base() + "/" + (service.equals("drive") ? "google" : service) + "/authorize?");
        return query(URI.create(url).getRawQuery());
    }

    private void grants(String code, String accessToken, String refreshToken) {
        cloud.stubFor(post(urlPathEqualTo("/google/token")).withRequestBody(containing("code=" + code))
                .willReturn(token(accessToken, refreshToken)));
        cloud.stubFor(post(urlPathEqualTo("/box/oauth2/token")).withRequestBody(containing("code=" + code))
                .willReturn(token(accessToken, refreshToken)));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder token(String accessToken, String refreshToken) {
        return aResponse().withHeader("Content-Type", "application/json").withBody("""
                {"access_token": "%s", "expires_in": 3599, "refresh_token": "%s", "token_type": "Bearer"}"""
                .formatted(accessToken, refreshToken));
    }

    private static MockHttpServletRequestBuilder as(World.Person person, MockHttpServletRequestBuilder request) {
        return request.with(authentication(new ActorAuthentication(person.actor())));
    }

    private static Map<String, String> query(String query) {
        return Arrays.stream(query.split("&")).map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
    }

    private static String s256(String verifier) throws Exception {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    }
}
