package org.opencps.identity.google;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.opencps.identity.google.GoogleDirectoryStub.google;
import static org.opencps.identity.google.GoogleDirectoryStub.group;
import static org.opencps.identity.google.GoogleDirectoryStub.member;
import static org.opencps.identity.google.GoogleDirectoryStub.user;
import static org.opencps.testing.Eventually.eventually;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.identity.internal.google.GoogleImportWorker;
import org.opencps.identity.sso.SsoTest;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.ActorAuthentication;
import org.opencps.testing.MutableClock;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A customer admin connects the organization's Google Workspace (OAuth code flow with PKCE against the stand-in token
 * endpoint), chooses a group and imports: the Directory API (WireMock, Google's documented shapes, several pages)
 * yields accounts bound to their Google identity, with no password, in the group; a re-import updates names and lists
 * the suspended person for the admin, who deactivates them. The job runs once however many processes look for it.
 */
@SsoTest
class GoogleWorkspaceImportTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired MockMvc mvc;
    @Autowired World world;
    @Autowired JdbcClient jdbc;
    @Autowired GoogleImportWorker worker;
    @Autowired MutableClock clock;

    @DynamicPropertySource
    static void google(DynamicPropertyRegistry registry) {
        registry.add("opencps.sso.google.client-id", () -> "opencps-directory-client");
        registry.add("opencps.sso.google.client-secret", () -> "directory-client-secret");
        registry.add("opencps.sso.google.authorize-uri", () -> GoogleDirectoryStub.base() + "/o/oauth2/v2/auth");
        registry.add("opencps.sso.google.token-uri", () -> GoogleDirectoryStub.base() + "/token");
        registry.add("opencps.sso.google.directory-uri", () -> GoogleDirectoryStub.base());
        registry.add("opencps.sso.google.import-poll", () -> "1h");
    }

    @BeforeEach
    void reset() {
        google.resetAll();
    }

    @Test
    void anAdminConnectsImportsAGroupReimportsAndDeactivatesWhoIsGone() throws Exception {
        var acme = organization();
        String domain = acme.domain;
        connect(acme.admin, "code-1", "1//refresh-acme");
        assertThat(jdbc.sql("SELECT refresh_token_sealed FROM identity_google_directory WHERE org_id = ?").param(acme.org.value())
                .query(String.class).single()).as("sealed").doesNotContain("refresh-acme");

        GoogleDirectoryStub.groupsPage(null, "gp2", group("03x1printteam", "print-team@" + domain, "Print team", 3));
        GoogleDirectoryStub.groupsPage("gp2", null, group("03x2sales", "sales@" + domain, "Sales", 1));
        GoogleDirectoryStub.usersPage(null, "up2", user("1001", "alice@" + domain, "Alice", "Liddell", false),
                user("1002", "bob@" + domain, "Bob", "Builder", false));
        GoogleDirectoryStub.usersPage("up2", null, user("1003", "carol@unproved.test", "Carol", "Other", false),
                user("1004", "dave@" + domain, "Dave", "Sales", false));
        GoogleDirectoryStub.membersPage("03x1printteam", null, "mp2", member("1001", "alice@" + domain, "USER"));
        GoogleDirectoryStub.membersPage("03x1printteam", "mp2", null, member("1002", "bob@" + domain, "USER"),
                member("1003", "carol@unproved.test", "USER"), member("03x2sales", "sales@" + domain, "GROUP"));

        var groups = json(call(acme.admin, get(base(acme.org) + "/groups")));
        assertThat(texts(groups, "name")).containsExactly("Print team", "Sales");
        assertThat(call(acme.admin, put(base(acme.org) + "/selection").contentType("application/json")
                .content("{\"allUsers\":false,\"groupKeys\":[\"Print-Team@" + domain + "\"]}")).getStatus()).isEqualTo(204);
        assertThat(call(acme.admin, post(base(acme.org) + "/imports")).getStatus()).isEqualTo(202);
        assertThat(call(acme.admin, post(base(acme.org) + "/imports")).getStatus()).as("one at a time").isEqualTo(409);

        // two server processes' workers look for the queued job at once: one runs it
        CompletableFuture.allOf(CompletableFuture.runAsync(worker::runQueued), CompletableFuture.runAsync(worker::runQueued)).join();
        var status = json(call(acme.admin, get(base(acme.org))));
        assertThat(status.path("lastImport").path("state").asString()).as(status.toString()).isEqualTo("DONE");
        assertThat(status.path("lastImport").path("usersTotal").asInt()).isEqualTo(3);
        assertThat(status.path("lastImport").path("usersDone").asInt()).isEqualTo(3);
        assertThat(status.path("lastImport").path("usersCreated").asInt()).isEqualTo(2);
        assertThat(status.path("lastImport").path("usersSkipped").asInt()).as("carol's domain is not proved").isEqualTo(1);
        assertThat(google.findAll(getRequestedFor(urlPathEqualTo("/admin/directory/v1/users")))).as("one run, two pages").hasSize(2);

        assertThat(membersOf(acme.org)).contains("alice@" + domain, "bob@" + domain).doesNotContain("dave@" + domain)
                .noneMatch(email -> email.startsWith("carol@"));
        assertThat(groupMembers(acme.org, "Print team")).containsExactlyInAnyOrder("alice@" + domain, "bob@" + domain);
        assertThat(jdbc.sql("""
                        SELECT COUNT(*) FROM identity_external_identity i JOIN identity_user u ON u.id = i.user_id
                        WHERE i.issuer = 'https://accounts.google.com' AND i.subject = '1001' AND u.email = ?""")
                .param("alice@" + domain).query(Integer.class).single()).as("bound to Google's sub").isOne();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM identity_password p JOIN identity_user u ON u.id = p.user_id WHERE u.email = ?")
                .param("alice@" + domain).query(Integer.class).single()).as("no password").isZero();

        // Alice renamed, Bob suspended at Google
        google.resetAll();
        GoogleDirectoryStub.grants("unused", "1//refresh-acme");
        GoogleDirectoryStub.groupsPage(null, null, group("03x1printteam", "print-team@" + domain, "Print team", 2));
        GoogleDirectoryStub.usersPage(null, null, user("1001", "alice@" + domain, "Alice", "Liddell-Hargreaves", false),
                user("1002", "bob@" + domain, "Bob", "Builder", true));
        GoogleDirectoryStub.membersPage("03x1printteam", null, null, member("1001", "alice@" + domain, "USER"),
                member("1002", "bob@" + domain, "USER"));
        clock.advance(Duration.ofMinutes(5));
        assertThat(call(acme.admin, post(base(acme.org) + "/imports")).getStatus()).isEqualTo(202);
        worker.runQueued();
        status = json(call(acme.admin, get(base(acme.org))));
        assertThat(status.path("lastImport").path("usersUpdated").asInt()).isEqualTo(1);
        assertThat(status.path("lastImport").path("usersGone").asInt()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT display_name FROM identity_user WHERE email = ?").param("alice@" + domain).query(String.class).single())
                .isEqualTo("Alice Liddell-Hargreaves");
        assertThat(texts(status.path("gone"), "email")).containsExactly("bob@" + domain);
        assertThat(status.path("gone").get(0).path("reason").asString()).isEqualTo("SUSPENDED");
        assertThat(membersOf(acme.org)).as("nobody removed silently").contains("bob@" + domain);

        String bob = status.path("gone").get(0).path("userId").asString();
        assertThat(call(acme.admin, post(base(acme.org) + "/gone/" + bob + "/deactivate")).getStatus()).isEqualTo(204);
        assertThat(membersOf(acme.org)).doesNotContain("bob@" + domain).contains("alice@" + domain);
        assertThat(json(call(acme.admin, get(base(acme.org)))).path("gone").isEmpty()).isTrue();
        eventually(() -> assertThat(audit(acme.org)).contains("connected", "import requested", "deactivated " + bob)
                .anyMatch(detail -> detail.startsWith("import done: 2 created")));
    }

    @Test
    void nobodyButTheOrganizationsCustomerAdminsConnectsImportsOrDeactivates() throws Exception {
        var acme = organization();
        connect(acme.admin, "code-2", "1//refresh-guarded");
        String person = world.person(acme.org, FixedRole.CUSTOMER_USER).userId().toString();
        jdbc.sql("INSERT INTO identity_google_user (org_id, google_id, user_id, email, gone_since, gone_reason) "
                        + "VALUES (?, '2001', ?, 'gone@example.com', CURRENT_TIMESTAMP, 'REMOVED')")
                .params(acme.org.value(), UUID.fromString(person)).update();
        OrgId other = world.customer(world.root(), "Google other " + UUID.randomUUID());
        var outsiders = Map.of(world.person(other, FixedRole.CUSTOMER_ADMIN), 404,
                world.person(acme.org, FixedRole.CUSTOMER_USER), 403,
                world.person(acme.org, FixedRole.PRINT_MANAGER), 403,
                world.rootAdmin(), 403);
        World.Person stranger = world.person(other, FixedRole.CUSTOMER_ADMIN);
        World.Person colleague = world.person(acme.org, FixedRole.CUSTOMER_ADMIN);
        String before = state(acme.org);
        for (var outsider : outsiders.entrySet()) {
            int expected = outsider.getValue();
            World.Person who = outsider.getKey();
            assertThat(call(who, get(base(acme.org))).getStatus()).isEqualTo(expected);
            assertThat(call(who, post(base(acme.org) + "/connect")).getStatus()).isEqualTo(expected);
            assertThat(call(who, delete(base(acme.org))).getStatus()).isEqualTo(expected);
            assertThat(call(who, get(base(acme.org) + "/groups")).getStatus()).isEqualTo(expected);
            assertThat(call(who, put(base(acme.org) + "/selection").contentType("application/json")
                    .content("{\"allUsers\":true,\"groupKeys\":[]}")).getStatus()).isEqualTo(expected);
            assertThat(call(who, post(base(acme.org) + "/imports")).getStatus()).isEqualTo(expected);
            assertThat(call(who, post(base(acme.org) + "/gone/" + person + "/deactivate")).getStatus()).isEqualTo(expected);
        }
        assertThat(mvc.perform(get(base(acme.org))).andReturn().getResponse().getStatus()).isEqualTo(401);

        // a connection begun by the admin cannot be finished by anyone else
        google.resetAll();
        var started = begin(acme.admin);
        for (World.Person attacker : List.of(stranger, colleague)) {
            assertThat(call(attacker, get("/google-workspace/callback").param("state", started.get("state")).param("code", "stolen"))
                    .getStatus()).isEqualTo(404);
        }
        assertThat(google.findAll(postRequestedFor(urlPathEqualTo("/token")))).as("no code was redeemed").isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM identity_google_connect WHERE user_id = ?").param(acme.admin.userId().value())
                .query(Integer.class).single()).as("still the admin's to finish").isOne();
        assertThat(state(acme.org)).isEqualTo(before);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM identity_google_directory WHERE org_id = ?").param(other.value())
                .query(Integer.class).single()).isZero();
    }

    private record Tenant(OrgId org, World.Person admin, String domain) {
    }

    private Tenant organization() {
        OrgId org = world.customer(world.root(), "Google " + UUID.randomUUID());
        var admin = world.person(org, FixedRole.CUSTOMER_ADMIN);
        String domain = "g" + UUID.randomUUID().toString().substring(0, 8) + ".test";
        world.proveDomain(admin, org, domain);
        return new Tenant(org, admin, domain);
    }

    private void connect(World.Person admin, String code, String refreshToken) throws Exception {
        var authorize = begin(admin);
        assertThat(authorize).containsEntry("client_id", "opencps-directory-client").containsEntry("access_type", "offline")
                .containsEntry("code_challenge_method", "S256")
                .containsEntry("scope", "https://www.googleapis.com/auth/admin.directory.user.readonly "
                        + "https://www.googleapis.com/auth/admin.directory.group.readonly");
        GoogleDirectoryStub.grants(code, refreshToken);
        var back = call(admin, get("/google-workspace/callback").param("state", authorize.get("state")).param("code", code));
        assertThat(back.getStatus()).isEqualTo(302);
        assertThat(back.getRedirectedUrl()).isEqualTo("/orgs/" + admin.orgId() + "/google-workspace");
        var exchange = query(google.findAll(postRequestedFor(urlPathEqualTo("/token"))).getFirst().getBodyAsString());
        assertThat(s256(exchange.get("code_verifier"))).isEqualTo(authorize.get("code_challenge"));
        assertThat(exchange).containsEntry("redirect_uri", authorize.get("redirect_uri"));
    }

    private Map<String, String> begin(World.Person admin) throws Exception {
        String url = json(call(admin, post(base(admin.orgId()) + "/connect"))).path("authorizationUrl").asString();
        assertThat(url).startsWith(GoogleDirectoryStub.base() + "/o/oauth2/v2/auth?");
        return query(URI.create(url).getRawQuery());
    }

    private MockHttpServletResponse call(World.Person who, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(authentication(new ActorAuthentication(who.actor())))).andReturn().getResponse();
    }

    private static JsonNode json(MockHttpServletResponse response) throws Exception {
        assertThat(response.getStatus()).as(response.getContentAsString()).isBetween(200, 299);
        return JSON.readTree(response.getContentAsString());
    }

    private static String base(OrgId org) {
        return "/api/v1/organizations/" + org + "/google-workspace";
    }

    private List<String> membersOf(OrgId org) {
        return jdbc.sql("SELECT u.email FROM identity_membership m JOIN identity_user u ON u.id = m.user_id WHERE m.org_id = ?")
                .param(org.value()).query(String.class).list();
    }

    private List<String> groupMembers(OrgId org, String group) {
        return jdbc.sql("""
                        SELECT u.email FROM identity_group g JOIN identity_group_member gm ON gm.group_id = g.id
                        JOIN identity_user u ON u.id = gm.user_id WHERE g.org_id = ? AND g.name = ?""")
                .params(org.value(), group).query(String.class).list();
    }

    private String state(OrgId org) {
        return jdbc.sql("SELECT refresh_token_sealed || all_users || group_keys FROM identity_google_directory WHERE org_id = ?")
                .param(org.value()).query(String.class).single()
                + jdbc.sql("SELECT COUNT(*) FROM identity_google_import WHERE org_id = ?").param(org.value()).query(Integer.class).single()
                + membersOf(org).size()
                + jdbc.sql("SELECT COUNT(*) FROM identity_google_user WHERE org_id = ?").param(org.value()).query(Integer.class).single();
    }

    private List<String> audit(OrgId org) {
        return jdbc.sql("SELECT detail FROM audit_event WHERE org_id = ? AND type = 'GOOGLE_WORKSPACE_CHANGED'").param(org.value())
                .query(String.class).list();
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> texts = new java.util.ArrayList<>();
        array.forEach(item -> texts.add(item.path(field).asString()));
        return texts;
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
