package org.opencps.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencps.testing.Api.json;
import static org.opencps.testing.Api.login;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.util.Map;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.access.RoleRef;
import org.opencps.access.Roles;
import org.opencps.platform.ids.OrgId;
import org.opencps.testing.Api;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.Outbox;
import org.opencps.testing.RowCounts;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * PRODUCT.md §2: a provider appoints only the first administrators of an organization it created,
 * never itself; and an invitation is accepted only by whoever proves the invited address (the
 * link) and, when that address has an account, its password.
 */
@OpenCpsTest
class ProviderAppointmentTest {

    private static final String NEW_PASSWORD = "Fresh-Start-42";
    private static final String INTRUDER_PASSWORD = "Other-Person-77";

    @Autowired MockMvc mvc;
    @Autowired World world;
    @Autowired Outbox outbox;
    @Autowired Roles roles;
    @Autowired Passwords passwords;
    @Autowired JdbcClient jdbc;

    private static String email(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    private ResultActions invite(Cookie session, OrgId org, String email, String role) throws Exception {
        return mvc.perform(json(post("/api/v1/organizations/" + org + "/invitations").cookie(session),
                "{\"email\":\"" + email + "\",\"roles\":[\"" + role + "\"]}"));
    }

    private ResultActions accept(Cookie session, String token, String body) throws Exception {
        var request = post("/api/v1/invitations/" + token + "/accept").with(Api.fromOwnAddress());
        return mvc.perform(json(session == null ? request : request.cookie(session), body));
    }

    private Map<String, Integer> rows() {
        return RowCounts.of(jdbc, "identity_", "access_");
    }

    @Test
    void aProviderAdminCannotAppointItselfToACustomerThatHasAdmins() throws Exception {
        var dealer = world.provider(world.root(), "Self-appointing Dealer");
        var customer = world.customer(dealer, "Self-appointing Dealer Customer");
        var customerAdmin = world.person(customer, FixedRole.CUSTOMER_ADMIN);
        var dealerAdmin = world.adminOf(dealer);
        Cookie dealerSession = login(mvc, dealerAdmin.email(), World.PASSWORD);
        var before = rows();

        // the attack: invite its own address as the customer's admin, accept while logged in, switch, list the members
        invite(dealerSession, customer, dealerAdmin.email(), "CUSTOMER_ADMIN").andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("no administrator")));
        assertThat(outbox.messagesTo(dealerAdmin.email())).isEmpty();
        mvc.perform(json(post("/api/v1/auth/organization").cookie(dealerSession), "{\"organizationId\":\"" + customer + "\"}"))
                .andExpect(status().is4xxClientError());
        mvc.perform(get("/api/v1/organizations/" + customer + "/members").cookie(dealerSession)).andExpect(status().isForbidden());
        // nor anyone else's address once the customer has an admin
        invite(dealerSession, customer, email("outsider"), "CUSTOMER_ADMIN").andExpect(status().isForbidden());

        assertThat(rows()).isEqualTo(before);
        assertThat(roles.adminsOf(customer)).containsExactly(customerAdmin.userId());
        assertThat(roles.rolesOf(customer, dealerAdmin.userId())).isEmpty();
    }

    @Test
    void aProviderNeverAppointsOneOfItsOwnPeopleOrAnyoneAboveEvenAsTheFirstAdmin() throws Exception {
        var sales = world.provider(world.root(), "Appointing Sales Co");
        var dealer = world.provider(sales, "Appointing Dealer");
        var customer = world.customer(dealer, "Empty Customer");
        var dealerColleague = world.person(dealer, FixedRole.PROVIDER_SUPPORT);
        var salesPerson = world.person(sales, FixedRole.PROVIDER_SUPPORT);
        Cookie dealerSession = login(mvc, world.adminOf(dealer).email(), World.PASSWORD);
        var before = rows();
        for (String address : new String[] {world.adminOf(dealer).email(), dealerColleague.email(), salesPerson.email(),
                world.rootAdmin().email(), salesPerson.email().toUpperCase()}) {
            invite(dealerSession, customer, address, "CUSTOMER_ADMIN").andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.field").doesNotExist());
            assertThat(outbox.messagesTo(address.toLowerCase())).isEmpty();
        }
        assertThat(rows()).isEqualTo(before);
        assertThat(roles.adminsOf(customer)).isEmpty();
    }

    @Test
    void anAppointmentIsAcceptedOnlyWhileTheCustomerHasNoAdminAndNeverByTheProvidersPeople() throws Exception {
        var dealer = world.provider(world.root(), "Two Invites Dealer");
        var customer = world.customer(dealer, "Two Invites Customer");
        Cookie dealerSession = login(mvc, world.adminOf(dealer).email(), World.PASSWORD);
        String first = email("first");
        String second = email("second");
        var joinsDealerLater = world.person(world.customer(world.root(), "Elsewhere Co"), FixedRole.CUSTOMER_USER);
        invite(dealerSession, customer, first, "CUSTOMER_ADMIN").andExpect(status().isCreated())
                .andExpect(jsonPath("$.byProvider").value(true));
        invite(dealerSession, customer, second, "CUSTOMER_ADMIN").andExpect(status().isCreated());
        invite(dealerSession, customer, joinsDealerLater.email(), "CUSTOMER_ADMIN").andExpect(status().isCreated());
        String firstToken = outbox.lastToken(first, "inv_");
        String secondToken = outbox.lastToken(second, "inv_");
        String laterToken = outbox.lastToken(joinsDealerLater.email(), "inv_");

        // the invited person joined the provider after the invitation went out: refused, even with the right password
        world.join(joinsDealerLater, dealer, FixedRole.PROVIDER_SUPPORT);
        var before = rows();
        accept(null, laterToken, "{\"password\":\"" + World.PASSWORD + "\"}").andExpect(status().isForbidden());
        assertThat(rows()).isEqualTo(before);
        assertThat(roles.rolesOf(customer, joinsDealerLater.userId())).isEmpty();

        accept(null, firstToken, "{\"displayName\":\"First\",\"password\":\"" + NEW_PASSWORD + "\"}").andExpect(status().isOk());
        // now the customer has its admin: the provider's other appointment is spent, and nothing is half-written
        before = rows();
        accept(null, secondToken, "{\"displayName\":\"Second\",\"password\":\"" + NEW_PASSWORD + "\"}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail").value(Matchers.containsString("administrator")));
        assertThat(rows()).isEqualTo(before);
        assertThat(roles.adminsOf(customer)).hasSize(1);
        // and the provider may appoint no more
        invite(dealerSession, customer, email("third"), "CUSTOMER_ADMIN").andExpect(status().isForbidden());
    }

    @Test
    void anExistingAccountAcceptsOnlyWithItsPasswordWhoeverIsLoggedIn() throws Exception {
        var customer = world.customer(world.root(), "Proof Co");
        var admin = world.person(customer, FixedRole.CUSTOMER_ADMIN);
        var invited = world.person(world.customer(world.root(), "Proof Home Co"), FixedRole.CUSTOMER_USER);
        var intruder = world.person(customer, FixedRole.CUSTOMER_USER);
        passwords.set(intruder.userId(), "password", INTRUDER_PASSWORD, false);
        invite(login(mvc, admin.email(), World.PASSWORD), customer, invited.email(), "PRINT_MANAGER")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.byProvider").value(false));
        String token = outbox.lastToken(invited.email(), "inv_");
        var before = rows();

        // logged in as the invited account itself, but without its password
        Cookie invitedSession = login(mvc, invited.email(), World.PASSWORD);
        accept(invitedSession, token, "{\"password\":\"Not-The-Password-1\"}").andExpect(status().isUnauthorized());
        // logged in as another account, with that account's password
        Cookie intruderSession = login(mvc, intruder.email(), INTRUDER_PASSWORD);
        accept(intruderSession, token, "{\"password\":\"" + INTRUDER_PASSWORD + "\"}").andExpect(status().isUnauthorized());
        assertThat(roles.rolesOf(customer, invited.userId())).isEmpty();
        assertThat(roles.rolesOf(customer, intruder.userId())).containsExactly(RoleRef.of(FixedRole.CUSTOMER_USER));
        assertThat(rows()).isEqualTo(before);

        // the link and the invited account's password accept it
        accept(invitedSession, token, "{\"password\":\"" + World.PASSWORD + "\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.userId").value(invited.userId().toString()));
        assertThat(roles.rolesOf(customer, invited.userId())).containsExactly(RoleRef.of(FixedRole.PRINT_MANAGER));
    }
}
