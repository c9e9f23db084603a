package org.opencps.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencps.testing.Api.login;
import static org.opencps.testing.Eventually.eventually;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.access.RoleRef;
import org.opencps.identity.internal.persistence.UserStore;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.platform.security.Actor;
import org.opencps.testing.MutableClock;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** PRODUCT.md §3: a 6-digit PIN chosen by the system, unique in the customer organization, regenerated at most once every 7 days. */
@OpenCpsTest
class PinsTest {

    @Autowired MockMvc mvc;
    @Autowired World world;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;
    @Autowired Pins pins;
    @Autowired Users users;
    @Autowired UserStore userStore;

    private String myPin(Cookie session) throws Exception {
        String body = mvc.perform(get("/api/v1/me/pin").cookie(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.pin");
    }

    @Test
    void aCustomerMemberHasASixDigitPinFromTheMomentTheyJoin() throws Exception {
        var customer = world.customer(world.root(), "Pin Co");
        Instant joined = clock.instant();
        var person = world.person(customer, FixedRole.CUSTOMER_USER);
        Cookie session = login(mvc, person.email(), World.PASSWORD);
        mvc.perform(get("/api/v1/me/pin").cookie(session)).andExpect(status().isOk())
                .andExpect(jsonPath("$.pin").value(Matchers.matchesPattern("[0-9]{6}")))
                .andExpect(jsonPath("$.generatedAt").value(joined.toString()))
                .andExpect(jsonPath("$.regenerableFrom").value(joined.plus(Duration.ofDays(7)).toString()));
        String pin = myPin(session);
        assertThat(pin).hasSize(6).containsOnlyDigits();
        assertThat(pins.userWithPin(customer, pin)).contains(person.userId());
        // and the PIN is the same each time it is looked at
        assertThat(myPin(session)).isEqualTo(pin);
    }

    @Test
    void thePinsOfTwoHundredMembersOfOneOrganizationAreAllDistinct() {
        var customer = world.customer(world.root(), "Crowded Co");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            var user = new User(new UserId(UUID.randomUUID()), "crowd" + i + "-" + UUID.randomUUID() + "@example.com",
                    "Member " + i, true, clock.instant());
            userStore.insert(user);
            users.join(customer, user.id(), Set.of(RoleRef.of(FixedRole.CUSTOMER_USER)));
            String pin = pins.myPin(new Actor(user.id(), customer)).pin();
            assertThat(pin).matches("[0-9]{6}");
            seen.add(pin);
        }
        assertThat(seen).hasSize(200);
        assertThat(jdbc.sql("SELECT COUNT(DISTINCT pin_hash) FROM identity_pin WHERE org_id = ?").param(customer.value())
                .query(Integer.class).single()).isEqualTo(200);
    }

    @Test
    void membersOfAProviderHaveNoPin() throws Exception {
        var provider = world.provider(world.root(), "Pinless Provider");
        var admin = world.person(provider, FixedRole.PROVIDER_ADMIN);
        var support = world.person(provider, FixedRole.PROVIDER_SUPPORT);
        for (var person : new World.Person[] {admin, support}) {
            Cookie session = login(mvc, person.email(), World.PASSWORD);
            mvc.perform(get("/api/v1/me/pin").cookie(session)).andExpect(status().isNotFound());
            mvc.perform(post("/api/v1/me/pin/regenerate").cookie(session)).andExpect(status().isNotFound());
            assertThat(jdbc.sql("SELECT COUNT(*) FROM identity_pin WHERE user_id = ?").param(person.userId().value())
                    .query(Integer.class).single()).isZero();
        }
        Cookie rootAdmin = login(mvc, world.rootAdmin().email(), World.PASSWORD);
        mvc.perform(get("/api/v1/me/pin").cookie(rootAdmin)).andExpect(status().isNotFound());
    }

    @Test
    void theOwnerRegeneratesAtMostOnceEverySevenDays() throws Exception {
        var customer = world.customer(world.root(), "Regen Co");
        Instant joined = clock.instant();
        var person = world.person(customer, FixedRole.CUSTOMER_USER);
        Instant allowedFrom = joined.plus(Duration.ofDays(7));

        // right after joining, and 1 minute before the 7 days are up: refused, naming the date
        Cookie session = login(mvc, person.email(), World.PASSWORD);
        mvc.perform(post("/api/v1/me/pin/regenerate").cookie(session)).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString(allowedFrom.toString())));
        clock.advance(Duration.ofDays(7).minusMinutes(1));
        session = login(mvc, person.email(), World.PASSWORD);
        mvc.perform(post("/api/v1/me/pin/regenerate").cookie(session)).andExpect(status().isConflict())
                .andExpect(jsonPath("$.field").value("pin"))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString(allowedFrom.toString())));
        assertThat(generatedAt(customer, person.userId())).isEqualTo(joined);

        // at exactly 7 days: allowed, and the 7 days start again
        clock.advance(Duration.ofMinutes(1));
        String body = mvc.perform(post("/api/v1/me/pin/regenerate").cookie(session)).andExpect(status().isOk())
                .andExpect(jsonPath("$.pin").value(Matchers.matchesPattern("[0-9]{6}")))
                .andExpect(jsonPath("$.generatedAt").value(allowedFrom.toString()))
                .andReturn().getResponse().getContentAsString();
        String regenerated = JsonPath.read(body, "$.pin");
        assertThat(myPin(session)).isEqualTo(regenerated);
        assertThat(pins.userWithPin(customer, regenerated)).contains(person.userId());
        mvc.perform(post("/api/v1/me/pin/regenerate").cookie(session)).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString(allowedFrom.plus(Duration.ofDays(7)).toString())));

        // and any time after the 7 days
        clock.advance(Duration.ofDays(9));
        session = login(mvc, person.email(), World.PASSWORD);
        mvc.perform(post("/api/v1/me/pin/regenerate").cookie(session)).andExpect(status().isOk());
        assertThat(generatedAt(customer, person.userId())).isEqualTo(clock.instant());
    }

    @Test
    void anAdminResetsAMembersPinAnyTimeWithoutSeeingIt() throws Exception {
        var customer = world.customer(world.root(), "Reset Pin Co");
        var admin = world.person(customer, FixedRole.CUSTOMER_ADMIN);
        var member = world.person(customer, FixedRole.CUSTOMER_USER);
        Cookie adminSession = login(mvc, admin.email(), World.PASSWORD);
        Cookie memberSession = login(mvc, member.email(), World.PASSWORD);
        Instant joined = generatedAt(customer, member.userId());

        clock.advance(Duration.ofMinutes(1));
        var reset = mvc.perform(post("/api/v1/organizations/" + customer + "/members/" + member.userId() + "/pin/reset")
                .cookie(adminSession)).andExpect(status().isNoContent()).andReturn();
        String afterFirstReset = myPin(memberSession);
        assertThat(reset.getResponse().getContentAsString()).doesNotContain(afterFirstReset);
        assertThat(reset.getResponse().getHeaderNames().stream().map(reset.getResponse()::getHeader))
                .noneMatch(value -> value != null && value.contains(afterFirstReset));
        assertThat(generatedAt(customer, member.userId())).isAfter(joined);
        assertThat(pins.userWithPin(customer, afterFirstReset)).contains(member.userId());

        // again, right away: an admin reset is not held to the 7 days
        clock.advance(Duration.ofMinutes(1));
        var again = mvc.perform(post("/api/v1/organizations/" + customer + "/members/" + member.userId() + "/pin/reset")
                .cookie(adminSession)).andExpect(status().isNoContent()).andReturn();
        String afterSecondReset = myPin(memberSession);
        assertThat(again.getResponse().getContentAsString()).isEmpty();
        assertThat(generatedAt(customer, member.userId())).isEqualTo(clock.instant());
        assertThat(pins.userWithPin(customer, afterSecondReset)).contains(member.userId());
        // audited as done by the admin, about the member
        eventually(() -> assertThat(pinAudits(admin.userId(), member.userId())).isEqualTo(2));
    }

    @Test
    void aCustomerUserCannotResetSomeoneElsesPinAndStrangersCannotFindTheOrganization() throws Exception {
        var customer = world.customer(world.root(), "No Reset Co");
        var user = world.person(customer, FixedRole.CUSTOMER_USER);
        var colleague = world.person(customer, FixedRole.CUSTOMER_USER);
        var printManager = world.person(customer, FixedRole.PRINT_MANAGER);
        Instant before = generatedAt(customer, colleague.userId());
        clock.advance(Duration.ofMinutes(1));
        for (var person : new World.Person[] {user, printManager}) {
            Cookie session = login(mvc, person.email(), World.PASSWORD);
            mvc.perform(post("/api/v1/organizations/" + customer + "/members/" + colleague.userId() + "/pin/reset").cookie(session))
                    .andExpect(status().isForbidden());
            // not even their own, through the admin route
            mvc.perform(post("/api/v1/organizations/" + customer + "/members/" + person.userId() + "/pin/reset").cookie(session))
                    .andExpect(status().isForbidden());
        }
        var stranger = world.person(world.customer(world.root(), "Stranger Co"), FixedRole.CUSTOMER_ADMIN);
        Cookie strangerSession = login(mvc, stranger.email(), World.PASSWORD);
        mvc.perform(post("/api/v1/organizations/" + customer + "/members/" + colleague.userId() + "/pin/reset").cookie(strangerSession))
                .andExpect(status().isNotFound());
        // the stranger's own organization does not contain the colleague
        mvc.perform(post("/api/v1/organizations/" + stranger.orgId() + "/members/" + colleague.userId() + "/pin/reset").cookie(strangerSession))
                .andExpect(status().isNotFound());
        // the provider above sees devices, never users
        Cookie provider = login(mvc, world.rootAdmin().email(), World.PASSWORD);
        mvc.perform(post("/api/v1/organizations/" + customer + "/members/" + colleague.userId() + "/pin/reset").cookie(provider))
                .andExpect(status().isForbidden());
        assertThat(generatedAt(customer, colleague.userId())).isEqualTo(before);
    }

    @Test
    void thePinIsNotStoredInClear() throws Exception {
        var customer = world.customer(world.root(), "Sealed Co");
        var person = world.person(customer, FixedRole.CUSTOMER_USER);
        String pin = myPin(login(mvc, person.email(), World.PASSWORD));
        var rows = jdbc.sql("SELECT * FROM identity_pin WHERE org_id = ? AND user_id = ?")
                .params(customer.value(), person.userId().value()).query().listOfRows();
        assertThat(rows).hasSize(1);
        for (Map<String, Object> row : rows) {
            assertThat(row.values()).allSatisfy(value -> assertThat(String.valueOf(value)).doesNotContain(pin));
        }
        // nor anywhere else in the table
        var all = jdbc.sql("SELECT * FROM identity_pin").query().listOfRows();
        assertThat(all).allSatisfy(row -> assertThat(row.values())
                .allSatisfy(value -> assertThat(String.valueOf(value)).isNotEqualTo(pin)));
    }

    @Test
    void userWithPinFindsTheOwnerInThatOrganizationOnly() throws Exception {
        var first = world.customer(world.root(), "First Pin Co");
        var second = world.customer(world.root(), "Second Pin Co");
        var owner = world.person(first, FixedRole.CUSTOMER_USER);
        var other = world.person(second, FixedRole.CUSTOMER_USER);
        String pin = pins.myPin(owner.actor()).pin();
        String otherPin = pins.myPin(other.actor()).pin();
        assertThat(pins.userWithPin(first, pin)).contains(owner.userId());
        assertThat(pins.userWithPin(second, pin)).isEqualTo(otherPin.equals(pin) ? java.util.Optional.of(other.userId())
                : java.util.Optional.empty());
        assertThat(pins.userWithPin(second, otherPin)).contains(other.userId());
        assertThat(pins.userWithPin(OrgId.random(), pin)).isEmpty();
        // a person in both organizations has a PIN in each, found only in its own organization
        world.join(owner, second, FixedRole.CUSTOMER_USER);
        String pinInSecond = pins.myPin(new Actor(owner.userId(), second)).pin();
        assertThat(pins.userWithPin(second, pinInSecond)).contains(owner.userId());
        if (!pinInSecond.equals(pin)) {
            assertThat(pins.userWithPin(first, pinInSecond)).isEmpty();
        }
        for (String notAPin : new String[] {null, "", "12345", "1234567", "abcdef", " " + pin, pin + " ", "１２３４５６"}) {
            assertThat(pins.userWithPin(first, notAPin)).as(String.valueOf(notAPin)).isEmpty();
        }
    }

    private Instant generatedAt(OrgId org, UserId user) {
        return jdbc.sql("SELECT generated_at FROM identity_pin WHERE org_id = ? AND user_id = ?")
                .params(org.value(), user.value()).query((rs, i) -> rs.getObject(1, java.time.OffsetDateTime.class).toInstant())
                .single();
    }

    private int pinAudits(UserId by, UserId member) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE type = 'PIN_ISSUED' AND actor_user_id = ? AND subject = ?")
                .params(by.value(), member.toString()).query(Integer.class).single();
    }
}
