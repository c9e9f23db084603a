package org.opencps.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencps.testing.Api.json;
import static org.opencps.testing.Api.login;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import jakarta.mail.internet.MimeMessage;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.platform.ids.OrgId;
import org.opencps.testing.Api;
import org.opencps.testing.MutableClock;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.RowCounts;
import org.opencps.testing.World;
import org.opencps.testing.peers.SmtpServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

/**
 * PRODUCT.md §2: new people join by an e-mailed invitation that works once, expires after 7 days
 * and carries the roles to grant. The mail goes through a real SMTP server (GreenMail on loopback).
 */
@OpenCpsTest
class InvitationsTest {

    private static final SmtpServer SMTP = SmtpServer.start();
    private static final Pattern LINK = Pattern.compile("http://localhost:8080/invitations/(inv_[A-Za-z0-9_-]+)");
    private static final String NEW_PASSWORD = "Fresh-Start-42";

    @Autowired MockMvc mvc;
    @Autowired World world;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        SMTP.configure(registry);
    }

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    private static String email(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    private ResultActions invite(Cookie session, OrgId org, String email, String... roles) throws Exception {
        String list = Arrays.stream(roles).map(role -> "\"" + role + "\"").collect(Collectors.joining(","));
        return mvc.perform(json(post("/api/v1/organizations/" + org + "/invitations").cookie(session),
                "{\"email\":\"" + email + "\",\"roles\":[" + list + "]}"));
    }

    private List<MimeMessage> mailTo(String address) throws Exception {
        return SMTP.messagesTo(address);
    }

    /** The token of the latest invitation link mailed to the address. */
    private String linkTokenFor(String address) throws Exception {
        var messages = mailTo(address);
        assertThat(messages).as("mail to " + address).isNotEmpty();
        String body = messages.getLast().getContent().toString();
        Matcher matcher = LINK.matcher(body);
        assertThat(matcher.find()).as("a link in: " + body).isTrue();
        return matcher.group(1);
    }

    /** Invites and returns the link token read from the delivered mail. */
    private String invited(Cookie session, OrgId org, String email, String... roles) throws Exception {
        String response = invite(session, org, email, roles).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String token = linkTokenFor(email);
        assertThat(response).doesNotContain(token).doesNotContain(token.substring(4));
        return token;
    }

    private ResultActions acceptAsNew(String token, String name, String password) throws Exception {
        return mvc.perform(json(post("/api/v1/invitations/" + token + "/accept"),
                "{\"displayName\":\"" + name + "\",\"password\":" + (password == null ? "null" : "\"" + password + "\"") + "}"));
    }

    private ResultActions loginAttempt(String email, String password) throws Exception {
        return mvc.perform(json(post("/api/v1/auth/login"), "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}")
                .with(Api.fromOwnAddress()));
    }

    private Map<String, Integer> identityRowCounts() {
        return RowCounts.of(jdbc, "identity_");
    }

    @Test
    void aCustomerAdminInvitesAndANewPersonJoinsWithExactlyThoseRoles() throws Exception {
        var customer = world.customer(world.root(), "Invite Co");
        var admin = world.person(customer, FixedRole.CUSTOMER_ADMIN);
        Cookie adminSession = login(mvc, admin.email(), World.PASSWORD);
        String address = email("newcomer");
        var now = clock.instant();
        invite(adminSession, customer, address, "CUSTOMER_USER").andExpect(status().isCreated())
                .andExpect(jsonPath("$.email").value(address))
                .andExpect(jsonPath("$.roles[0]").value("CUSTOMER_USER"))
                .andExpect(jsonPath("$.expiresAt").value(now.plus(Duration.ofDays(7)).toString()));

        var messages = mailTo(address);
        assertThat(messages).hasSize(1);
        assertThat(messages.getFirst().getSubject()).contains("Invite Co");
        String token = linkTokenFor(address);

        // anyone holding the link may see what it offers, without logging in
        mvc.perform(get("/api/v1/invitations/" + token)).andExpect(status().isOk())
                .andExpect(jsonPath("$.organizationName").value("Invite Co"))
                .andExpect(jsonPath("$.email").value(address))
                .andExpect(jsonPath("$.roles.length()").value(1))
                .andExpect(jsonPath("$.roles[0]").value("CUSTOMER_USER"))
                .andExpect(jsonPath("$.accountExists").value(false));

        // a password breaking the policy: 422 naming it, and nothing is created
        var before = identityRowCounts();
        acceptAsNew(token, "New Person", "password").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.field").value("password"));
        acceptAsNew(token, "New Person", "Aa1!").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.field").value("password"));
        acceptAsNew(token, "New Person", "Ääää-1234a").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.field").value("password"));
        assertThat(identityRowCounts()).isEqualTo(before);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM identity_user WHERE email = ?").param(address).query(Integer.class).single()).isZero();

        // a good one: the person exists, is a member with exactly the invited roles, and is logged in
        MvcResult accepted = acceptAsNew(token, "New Person", NEW_PASSWORD).andExpect(status().isOk())
                .andExpect(jsonPath("$.orgId").value(customer.toString())).andReturn();
        String userId = JsonPath.read(accepted.getResponse().getContentAsString(), "$.userId");
        Cookie session = Api.sessionCookie(accepted);
        mvc.perform(get("/api/v1/me").cookie(session)).andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(userId))
                .andExpect(jsonPath("$.email").value(address))
                .andExpect(jsonPath("$.displayName").value("New Person"))
                .andExpect(jsonPath("$.organizationId").value(customer.toString()))
                .andExpect(jsonPath("$.roles.length()").value(1))
                .andExpect(jsonPath("$.roles[0]").value("CUSTOMER_USER"));
        mvc.perform(get("/api/v1/organizations/" + customer + "/members/" + userId).cookie(adminSession))
                .andExpect(status().isOk()).andExpect(jsonPath("$.roles").value(Matchers.contains("CUSTOMER_USER")));
        // a customer member: the PIN is there at once
        mvc.perform(get("/api/v1/me/pin").cookie(session)).andExpect(status().isOk());
        // the chosen password works
        login(mvc, address, NEW_PASSWORD);

        // the link works once
        acceptAsNew(token, "Someone Else", "Other-Pass-77").andExpect(status().isConflict())
                .andExpect(jsonPath("$.field").value("token"));
        mvc.perform(get("/api/v1/invitations/" + token)).andExpect(status().isConflict());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM identity_membership WHERE user_id = ?").param(UUID.fromString(userId))
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void theLinkExpiresAfterSevenDays() throws Exception {
        var customer = world.customer(world.root(), "Expiry Co");
        var admin = world.person(customer, FixedRole.CUSTOMER_ADMIN);
        Cookie adminSession = login(mvc, admin.email(), World.PASSWORD);
        String onTime = email("ontime");
        String late = email("late");
        String onTimeToken = invited(adminSession, customer, onTime, "CUSTOMER_USER");
        String lateToken = invited(adminSession, customer, late, "CUSTOMER_USER");

        clock.advance(Duration.ofDays(7).minusMinutes(1));
        mvc.perform(get("/api/v1/invitations/" + lateToken)).andExpect(status().isOk());
        acceptAsNew(onTimeToken, "On Time", NEW_PASSWORD).andExpect(status().isOk());

        clock.advance(Duration.ofMinutes(1));
        mvc.perform(get("/api/v1/invitations/" + lateToken)).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("expired")));
        var before = identityRowCounts();
        acceptAsNew(lateToken, "Too Late", NEW_PASSWORD).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("expired")));
        assertThat(identityRowCounts()).isEqualTo(before);
        clock.advance(Duration.ofDays(30));
        acceptAsNew(lateToken, "Much Too Late", NEW_PASSWORD).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("expired")));
    }

    @Test
    void unknownAndMalformedLinksAre404() throws Exception {
        for (String token : List.of("inv_" + "A".repeat(43), "nope", "inv_", "inv_" + "x".repeat(200))) {
            mvc.perform(get("/api/v1/invitations/" + token)).andExpect(status().isNotFound());
            acceptAsNew(token, "Nobody", NEW_PASSWORD).andExpect(status().isNotFound());
        }
    }

    @Test
    void anExistingAccountAcceptsWithItsPasswordAndWrongPasswordsCountTowardLockout() throws Exception {
        var home = world.customer(world.root(), "Home Co");
        var customer = world.customer(world.root(), "Second Home Co");
        var person = world.person(home, FixedRole.CUSTOMER_USER);
        var admin = world.person(customer, FixedRole.CUSTOMER_ADMIN);
        String token = invited(login(mvc, admin.email(), World.PASSWORD), customer, person.email(), "PRINT_MANAGER");
        mvc.perform(get("/api/v1/invitations/" + token)).andExpect(status().isOk())
                .andExpect(jsonPath("$.accountExists").value(true));

        var before = identityRowCounts();
        mvc.perform(json(post("/api/v1/invitations/" + token + "/accept"), "{\"password\":\"Wrong-Pass-1\"}"))
                .andExpect(status().isUnauthorized());
        // the failure was recorded (and nothing else)
        assertThat(jdbc.sql("SELECT failed_attempts FROM identity_lockout WHERE user_id = ?").param(person.userId().value())
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM identity_membership WHERE user_id = ?").param(person.userId().value())
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(identityRowCounts()).isEqualTo(before);
        // two more failures anywhere lock the account
        loginAttempt(person.email(), "Wrong-Pass-2").andExpect(status().isUnauthorized());
        loginAttempt(person.email(), "Wrong-Pass-3").andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("locked")));
        // while locked, even the right password does not accept the invitation
        mvc.perform(json(post("/api/v1/invitations/" + token + "/accept"), "{\"password\":\"" + World.PASSWORD + "\"}"))
                .andExpect(status().isUnauthorized()).andExpect(jsonPath("$.detail").value(Matchers.containsString("locked")));

        clock.advance(Duration.ofMinutes(31));
        // a display name given by an existing person changes nothing
        MvcResult accepted = mvc.perform(json(post("/api/v1/invitations/" + token + "/accept"),
                        "{\"displayName\":\"Renamed\",\"password\":\"" + World.PASSWORD + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.userId").value(person.userId().toString()))
                .andExpect(jsonPath("$.orgId").value(customer.toString())).andReturn();
        mvc.perform(get("/api/v1/me").cookie(Api.sessionCookie(accepted)))
                .andExpect(jsonPath("$.organizationId").value(customer.toString()))
                .andExpect(jsonPath("$.displayName").value(Matchers.not("Renamed")))
                .andExpect(jsonPath("$.roles").value(Matchers.contains("PRINT_MANAGER")));
        // still a member of the first organization, with the roles there unchanged
        assertThat(jdbc.sql("SELECT COUNT(*) FROM identity_membership WHERE user_id = ?").param(person.userId().value())
                .query(Integer.class).single()).isEqualTo(2);
        var login = loginAttempt(person.email(), World.PASSWORD).andExpect(status().isOk())
                .andExpect(jsonPath("$.organizations.length()").value(2)).andReturn();
        String body = login.getResponse().getContentAsString();
        List<List<String>> homeRoles = JsonPath.read(body, "$.organizations[?(@.orgId == '" + home + "')].roles");
        assertThat(homeRoles).containsExactly(List.of("CUSTOMER_USER"));
    }

    @Test
    void whoMayInviteWhomWithWhichRoles() throws Exception {
        var customer = world.customer(world.root(), "Grant Co");
        var admin = world.person(customer, FixedRole.CUSTOMER_ADMIN);
        var user = world.person(customer, FixedRole.CUSTOMER_USER);
        var printManager = world.person(customer, FixedRole.PRINT_MANAGER);
        Cookie adminSession = login(mvc, admin.email(), World.PASSWORD);
        var before = identityRowCounts();
        int mails = SMTP.received().length;

        // people without user management cannot invite at all
        for (var person : List.of(user, printManager)) {
            invite(login(mvc, person.email(), World.PASSWORD), customer, email("x"), "CUSTOMER_USER").andExpect(status().isForbidden());
        }
        // an admin of another customer does not even see the organization
        var stranger = world.person(world.customer(world.root(), "Stranger Grant Co"), FixedRole.CUSTOMER_ADMIN);
        invite(login(mvc, stranger.email(), World.PASSWORD), customer, email("x"), "CUSTOMER_USER").andExpect(status().isNotFound());
        before = identityRowCounts();

        // roles of the other kind of organization, unknown roles, no roles
        for (String role : List.of("PROVIDER_ADMIN", "PROVIDER_SUPPORT")) {
            invite(adminSession, customer, email("x"), role).andExpect(status().isUnprocessableContent())
                    .andExpect(jsonPath("$.field").value("roles"));
        }
        invite(adminSession, customer, email("x"), "CUSTOMER_USER", "PROVIDER_ADMIN").andExpect(status().isUnprocessableContent());
        invite(adminSession, customer, email("x"), "SUPERUSER").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.field").value("roles[0]"));
        invite(adminSession, customer, email("x"), "custom:" + UUID.randomUUID()).andExpect(status().isUnprocessableContent());
        invite(adminSession, customer, email("x")).andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("roles"));
        assertThat(identityRowCounts()).isEqualTo(before);
        assertThat(SMTP.received()).hasSize(mails);

        // custom roles: a member manager who holds only user permissions
        String memberManager = JsonPath.read(mvc.perform(json(post("/api/v1/organizations/" + customer + "/roles").cookie(adminSession),
                "{\"name\":\"Member manager\",\"permissions\":[\"USERS_VIEW\",\"USERS_MANAGE\"]}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
        String deviceKeeper = JsonPath.read(mvc.perform(json(post("/api/v1/organizations/" + customer + "/roles").cookie(adminSession),
                "{\"name\":\"Device keeper\",\"permissions\":[\"DEVICES_VIEW\",\"DEVICES_ADD\"]}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
        var manager = world.person(customer, FixedRole.CUSTOMER_USER);
        mvc.perform(json(put("/api/v1/organizations/" + customer + "/members/" + manager.userId() + "/roles").cookie(adminSession),
                "{\"roles\":[\"custom:" + memberManager + "\"]}")).andExpect(status().isOk());
        Cookie managerSession = login(mvc, manager.email(), World.PASSWORD);
        before = identityRowCounts();
        invite(managerSession, customer, email("x"), "custom:" + deviceKeeper).andExpect(status().isForbidden());
        invite(managerSession, customer, email("x"), "CUSTOMER_ADMIN").andExpect(status().isForbidden());
        invite(managerSession, customer, email("x"), "CUSTOMER_USER").andExpect(status().isForbidden());
        invite(managerSession, customer, email("x"), "custom:" + memberManager, "custom:" + deviceKeeper).andExpect(status().isForbidden());
        assertThat(identityRowCounts()).isEqualTo(before);
        // what they hold themselves they may pass on
        String peer = email("peer");
        String token = invited(managerSession, customer, peer, "custom:" + memberManager);
        MvcResult accepted = acceptAsNew(token, "Peer", NEW_PASSWORD).andExpect(status().isOk()).andReturn();
        mvc.perform(get("/api/v1/me").cookie(Api.sessionCookie(accepted)))
                .andExpect(jsonPath("$.roles").value(Matchers.contains("custom:" + memberManager)))
                .andExpect(jsonPath("$.permissions").value(Matchers.containsInAnyOrder("USERS_VIEW", "USERS_MANAGE")));
        // the customer admin may grant the device role, and several roles at once
        invite(adminSession, customer, email("y"), "custom:" + deviceKeeper, "CUSTOMER_USER").andExpect(status().isCreated());
        // a custom role of another organization does not exist here
        var otherAdmin = world.person(world.customer(world.root(), "Other Roles Co"), FixedRole.CUSTOMER_ADMIN);
        invite(login(mvc, otherAdmin.email(), World.PASSWORD), otherAdmin.orgId(), email("z"), "custom:" + deviceKeeper)
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("roles"));
    }

    @Test
    void aProviderAppointsTheFirstAdminOfACustomerItCreatedAndNothingElse() throws Exception {
        var provider = world.provider(world.root(), "Dealer");
        var customer = world.customer(provider, "Dealer Customer");
        var sibling = world.customer(world.provider(world.root(), "Other Dealer"), "Other Dealer Customer");
        Cookie dealer = login(mvc, world.adminOf(provider).email(), World.PASSWORD);
        var before = identityRowCounts();
        for (String role : List.of("CUSTOMER_USER", "PRINT_MANAGER", "PROVIDER_ADMIN")) {
            invite(dealer, customer, email("x"), role).andExpect(status().isForbidden());
        }
        invite(dealer, customer, email("x"), "CUSTOMER_ADMIN", "CUSTOMER_USER").andExpect(status().isForbidden());
        // a customer of another provider, and the grandchild of the root: unknown
        invite(dealer, sibling, email("x"), "CUSTOMER_ADMIN").andExpect(status().isNotFound());
        Cookie root = login(mvc, world.rootAdmin().email(), World.PASSWORD);
        invite(root, customer, email("x"), "CUSTOMER_ADMIN").andExpect(status().isNotFound());
        assertThat(identityRowCounts()).isEqualTo(before);

        String address = email("first-admin");
        String token = invited(dealer, customer, address, "CUSTOMER_ADMIN");
        MvcResult accepted = acceptAsNew(token, "First Admin", NEW_PASSWORD).andExpect(status().isOk()).andReturn();
        Cookie firstAdmin = Api.sessionCookie(accepted);
        mvc.perform(get("/api/v1/me").cookie(firstAdmin))
                .andExpect(jsonPath("$.organizationId").value(customer.toString()))
                .andExpect(jsonPath("$.roles").value(Matchers.contains("CUSTOMER_ADMIN")));
        // the new admin manages the customer's people; the provider still does not see them
        mvc.perform(get("/api/v1/organizations/" + customer + "/members").cookie(firstAdmin)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/organizations/" + customer + "/members").cookie(dealer)).andExpect(status().isForbidden());
        // a provider admin of the root appoints the admins of a sub-provider it created
        var subProvider = world.provider(world.root(), "Sales Co");
        invite(root, subProvider, email("sales-admin"), "PROVIDER_ADMIN").andExpect(status().isCreated());
        invite(root, subProvider, email("sales-support"), "PROVIDER_SUPPORT").andExpect(status().isCreated());
        invite(root, subProvider, email("sales-x"), "CUSTOMER_ADMIN").andExpect(status().isForbidden());
    }

    @Test
    void reInvitingWithdrawsTheEarlierLinkAndMembersCannotBeInvitedAgain() throws Exception {
        var customer = world.customer(world.root(), "Again Co");
        var admin = world.person(customer, FixedRole.CUSTOMER_ADMIN);
        var member = world.person(customer, FixedRole.CUSTOMER_USER);
        Cookie adminSession = login(mvc, admin.email(), World.PASSWORD);
        String address = email("twice");
        String first = invited(adminSession, customer, address, "CUSTOMER_USER");
        clock.advance(Duration.ofMinutes(1));
        String second = invited(adminSession, customer, address.toUpperCase(), "PRINT_MANAGER");
        assertThat(second).isNotEqualTo(first);
        assertThat(mailTo(address)).hasSize(2);
        mvc.perform(get("/api/v1/invitations/" + first)).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("withdrawn")));
        acceptAsNew(first, "Twice", NEW_PASSWORD).andExpect(status().isConflict());
        mvc.perform(get("/api/v1/organizations/" + customer + "/invitations").cookie(adminSession)).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.email == '" + address + "')]").value(Matchers.hasSize(2)))
                .andExpect(jsonPath("$[?(@.email == '" + address + "' && @.revokedAt == null)]").value(Matchers.hasSize(1)));
        MvcResult accepted = acceptAsNew(second, "Twice", NEW_PASSWORD).andExpect(status().isOk()).andReturn();
        mvc.perform(get("/api/v1/me").cookie(Api.sessionCookie(accepted)))
                .andExpect(jsonPath("$.roles").value(Matchers.contains("PRINT_MANAGER")));

        // members, however their address is spelled, are not invited again
        var before = identityRowCounts();
        int mails = SMTP.received().length;
        invite(adminSession, customer, member.email(), "CUSTOMER_USER").andExpect(status().isConflict())
                .andExpect(jsonPath("$.field").value("email"));
        invite(adminSession, customer, member.email().toUpperCase(), "CUSTOMER_ADMIN").andExpect(status().isConflict());
        invite(adminSession, customer, address, "CUSTOMER_USER").andExpect(status().isConflict());
        invite(adminSession, customer, admin.email(), "CUSTOMER_USER").andExpect(status().isConflict());
        assertThat(identityRowCounts()).isEqualTo(before);
        assertThat(SMTP.received()).hasSize(mails);
    }
}
