package org.opencps.identity;

import static org.assertj.core.api.Assertions.assertThat;
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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.platform.ids.OrgId;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** PRODUCT.md §3: ID cards registered per user, unique within the organization, removable, never stored readable. */
@OpenCpsTest
class CardsTest {

    @Autowired MockMvc mvc;
    @Autowired World world;
    @Autowired JdbcClient jdbc;
    @Autowired Cards cards;

    private ResultActions registerMine(Cookie session, String number) throws Exception {
        return mvc.perform(json(post("/api/v1/me/cards").cookie(session), "{\"number\":\"" + number + "\",\"label\":\"Badge\"}"));
    }

    private String membersCards(OrgId org, World.Person member) {
        return "/api/v1/organizations/" + org + "/members/" + member.userId() + "/cards";
    }

    private int cardCount() {
        return jdbc.sql("SELECT COUNT(*) FROM identity_card").query(Integer.class).single();
    }

    @Test
    void aPersonRegistersTheirOwnCardAndReadersSpellingsAreTheSameCard() throws Exception {
        var customer = world.customer(world.root(), "Card Co");
        var person = world.person(customer, FixedRole.CUSTOMER_USER);
        Cookie session = login(mvc, person.email(), World.PASSWORD);
        String body = registerMine(session, "04:a2:1f:9c").andExpect(status().isCreated())
                .andExpect(jsonPath("$.label").value("Badge"))
                .andExpect(jsonPath("$.userId").value(person.userId().toString()))
                .andReturn().getResponse().getContentAsString();
        assertThat(body).doesNotContainIgnoringCase("04a21f9c").doesNotContainIgnoringCase("04:a2:1f:9c");
        mvc.perform(get("/api/v1/me/cards").cookie(session)).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].id").value((String) JsonPath.read(body, "$.id")));

        assertThat(cards.userWithCard(customer, "04A21F9C")).contains(person.userId());
        assertThat(cards.userWithCard(customer, "04a21f9c")).contains(person.userId());
        assertThat(cards.userWithCard(customer, "04-A2-1F-9C")).contains(person.userId());
        assertThat(cards.userWithCard(customer, "04 a2 1f 9c")).contains(person.userId());
        assertThat(cards.userWithCard(customer, "04A21F9D")).isEmpty();

        // the same card in another spelling is a duplicate
        registerMine(session, "04A21F9C").andExpect(status().isConflict()).andExpect(jsonPath("$.field").value("number"));
        registerMine(session, "04-a2-1f-9c").andExpect(status().isConflict());
    }

    @Test
    void aCardIsUniqueWithinTheOrganizationButMayBeUsedInAnother() throws Exception {
        var customer = world.customer(world.root(), "Unique Card Co");
        var other = world.customer(world.root(), "Other Card Co");
        var first = world.person(customer, FixedRole.CUSTOMER_USER);
        var second = world.person(customer, FixedRole.CUSTOMER_USER);
        var elsewhere = world.person(other, FixedRole.CUSTOMER_USER);
        registerMine(login(mvc, first.email(), World.PASSWORD), "DEADBEEF01").andExpect(status().isCreated());
        int before = cardCount();
        registerMine(login(mvc, second.email(), World.PASSWORD), "deadbeef01").andExpect(status().isConflict())
                .andExpect(jsonPath("$.field").value("number"));
        assertThat(cardCount()).isEqualTo(before);
        registerMine(login(mvc, elsewhere.email(), World.PASSWORD), "DE:AD:BE:EF:01").andExpect(status().isCreated());
        assertThat(cards.userWithCard(customer, "DEADBEEF01")).contains(first.userId());
        assertThat(cards.userWithCard(other, "DEADBEEF01")).contains(elsewhere.userId());
    }

    @Test
    void atMostTenCardsPerPerson() throws Exception {
        var customer = world.customer(world.root(), "Ten Cards Co");
        var person = world.person(customer, FixedRole.CUSTOMER_USER);
        Cookie session = login(mvc, person.email(), World.PASSWORD);
        for (int i = 0; i < 10; i++) {
            registerMine(session, "CARD000" + i).andExpect(status().isCreated());
        }
        registerMine(session, "CARD0010").andExpect(status().isConflict()).andExpect(jsonPath("$.field").value("number"));
        assertThat(cards.userWithCard(customer, "CARD0010")).isEmpty();
        mvc.perform(get("/api/v1/me/cards").cookie(session)).andExpect(jsonPath("$.length()").value(10));
        // an admin cannot go past the limit either
        var admin = world.person(customer, FixedRole.CUSTOMER_ADMIN);
        mvc.perform(json(post(membersCards(customer, person)).cookie(login(mvc, admin.email(), World.PASSWORD)),
                "{\"number\":\"CARD0011\"}")).andExpect(status().isConflict());
        // removing one makes room again
        String id = JsonPath.read(mvc.perform(get("/api/v1/me/cards").cookie(session)).andReturn().getResponse().getContentAsString(), "$[0].id");
        mvc.perform(delete("/api/v1/me/cards/" + id).cookie(session)).andExpect(status().isNoContent());
        registerMine(session, "CARD0010").andExpect(status().isCreated());
    }

    @Test
    void aCardNumberHasFourToSixtyFourLettersOrDigits() throws Exception {
        var customer = world.customer(world.root(), "Length Co");
        var person = world.person(customer, FixedRole.CUSTOMER_USER);
        Cookie session = login(mvc, person.email(), World.PASSWORD);
        int before = cardCount();
        for (String refused : List.of("ABC", "A".repeat(65), "12:3", "AB-C", "04A2!F9C", "04A2_F9C", "CARD.001", "ÄBCD1", "ＡＢＣＤ", "STRAßE1", "ıd01",
                "04A2/F9C", "04A2\\\\F9C")) {
            var response = registerMine(session, refused).andReturn().getResponse();
            assertThat(response.getStatus()).as(refused).isEqualTo(422);
            assertThat((String) JsonPath.read(response.getContentAsString(), "$.field")).as(refused).isEqualTo("number");
        }
        assertThat(cardCount()).isEqualTo(before);
        registerMine(session, "ABCD").andExpect(status().isCreated());
        registerMine(session, "9".repeat(64)).andExpect(status().isCreated());
        registerMine(session, "ab:cd:e1").andExpect(status().isCreated());
        assertThat(cards.userWithCard(customer, "abcd")).contains(person.userId());
        assertThat(cards.userWithCard(customer, "9".repeat(64))).contains(person.userId());
        assertThat(cardCount()).isEqualTo(before + 3);
        for (String garbage : new String[] {null, "", "ABC", "A".repeat(65), "04A2!F9C"}) {
            assertThat(cards.userWithCard(customer, garbage)).isEmpty();
        }
    }

    @Test
    void anAdminRegistersAndRemovesAMembersCard() throws Exception {
        var customer = world.customer(world.root(), "Admin Card Co");
        var admin = world.person(customer, FixedRole.CUSTOMER_ADMIN);
        var member = world.person(customer, FixedRole.CUSTOMER_USER);
        Cookie adminSession = login(mvc, admin.email(), World.PASSWORD);
        String body = mvc.perform(json(post(membersCards(customer, member)).cookie(adminSession), "{\"number\":\"77:88:99:AA\",\"label\":\"Spare\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.userId").value(member.userId().toString()))
                .andExpect(jsonPath("$.addedBy").value(admin.userId().toString()))
                .andExpect(jsonPath("$.confirmedAt").isEmpty())
                .andReturn().getResponse().getContentAsString();
        String cardId = JsonPath.read(body, "$.id");
        // it holds its number, but logs nobody in until the member confirms it
        assertThat(cards.userWithCard(customer, "778899aa")).isEmpty();
        mvc.perform(json(post("/api/v1/me/cards").cookie(login(mvc, world.person(customer, FixedRole.CUSTOMER_USER).email(), World.PASSWORD)),
                "{\"number\":\"778899AA\"}")).andExpect(status().isConflict());
        mvc.perform(get(membersCards(customer, member)).cookie(adminSession)).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1)).andExpect(jsonPath("$[0].label").value("Spare"));
        // the member sees it as theirs
        Cookie memberSession = login(mvc, member.email(), World.PASSWORD);
        mvc.perform(get("/api/v1/me/cards").cookie(memberSession)).andExpect(jsonPath("$[0].id").value(cardId))
                .andExpect(jsonPath("$[0].confirmedAt").isEmpty());

        mvc.perform(delete(membersCards(customer, member) + "/" + cardId).cookie(adminSession)).andExpect(status().isNoContent());
        assertThat(cards.userWithCard(customer, "778899AA")).isEmpty();
        mvc.perform(delete(membersCards(customer, member) + "/" + cardId).cookie(adminSession)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/me/cards").cookie(memberSession)).andExpect(jsonPath("$.length()").value(0));
        eventually(() -> assertThat(jdbc.sql(
                        "SELECT COUNT(*) FROM audit_event WHERE type IN ('CARD_REGISTERED', 'CARD_REMOVED') AND actor_user_id = ? AND subject = ?")
                .params(admin.userId().value(), member.userId().toString()).query(Integer.class).single()).isEqualTo(2));
    }

    @Test
    void aCustomerUserCannotTouchAColleaguesCardsAndStrangersSeeNothing() throws Exception {
        var customer = world.customer(world.root(), "Guarded Card Co");
        var user = world.person(customer, FixedRole.CUSTOMER_USER);
        var colleague = world.person(customer, FixedRole.CUSTOMER_USER);
        Cookie colleagueSession = login(mvc, colleague.email(), World.PASSWORD);
        String cardId = JsonPath.read(registerMine(colleagueSession, "C0FFEE01").andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString(), "$.id");

        Cookie session = login(mvc, user.email(), World.PASSWORD);
        mvc.perform(get(membersCards(customer, colleague)).cookie(session)).andExpect(status().isForbidden());
        mvc.perform(json(post(membersCards(customer, colleague)).cookie(session), "{\"number\":\"BADC0DE1\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(delete(membersCards(customer, colleague) + "/" + cardId).cookie(session)).andExpect(status().isForbidden());
        // nor through the own-cards route with the colleague's card id
        mvc.perform(delete("/api/v1/me/cards/" + cardId).cookie(session)).andExpect(status().isNotFound());
        assertThat(cards.userWithCard(customer, "C0FFEE01")).contains(colleague.userId());
        assertThat(cards.userWithCard(customer, "BADC0DE1")).isEmpty();

        // a stranger organization's admin: the organization and its members are unknown to them
        var strangerOrg = world.customer(world.root(), "Stranger Card Co");
        var stranger = world.person(strangerOrg, FixedRole.CUSTOMER_ADMIN);
        Cookie strangerSession = login(mvc, stranger.email(), World.PASSWORD);
        mvc.perform(get(membersCards(customer, colleague)).cookie(strangerSession)).andExpect(status().isNotFound());
        mvc.perform(json(post(membersCards(customer, colleague)).cookie(strangerSession), "{\"number\":\"BADC0DE2\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(delete(membersCards(customer, colleague) + "/" + cardId).cookie(strangerSession)).andExpect(status().isNotFound());
        // the stranger's own organization with a member id from elsewhere: 404 too
        mvc.perform(get(membersCards(strangerOrg, colleague)).cookie(strangerSession)).andExpect(status().isNotFound());
        mvc.perform(json(post(membersCards(strangerOrg, colleague)).cookie(strangerSession), "{\"number\":\"BADC0DE3\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(delete(membersCards(strangerOrg, colleague) + "/" + cardId).cookie(strangerSession)).andExpect(status().isNotFound());
        // and the customer's own admin, with the stranger's member id
        var admin = world.person(customer, FixedRole.CUSTOMER_ADMIN);
        mvc.perform(json(post(membersCards(customer, stranger)).cookie(login(mvc, admin.email(), World.PASSWORD)), "{\"number\":\"BADC0DE4\"}"))
                .andExpect(status().isNotFound());
        // the provider above sees devices, not users
        Cookie provider = login(mvc, world.rootAdmin().email(), World.PASSWORD);
        mvc.perform(get(membersCards(customer, colleague)).cookie(provider)).andExpect(status().isForbidden());
        mvc.perform(json(post(membersCards(customer, colleague)).cookie(provider), "{\"number\":\"BADC0DE5\"}")).andExpect(status().isForbidden());
        for (String number : List.of("BADC0DE1", "BADC0DE2", "BADC0DE3", "BADC0DE4", "BADC0DE5")) {
            assertThat(cards.userWithCard(customer, number)).isEmpty();
            assertThat(cards.userWithCard(strangerOrg, number)).isEmpty();
        }
        assertThat(cards.userWithCard(customer, "C0FFEE01")).contains(colleague.userId());
    }

    @Test
    void theCardNumberIsNeverStored() throws Exception {
        var customer = world.customer(world.root(), "Hashed Card Co");
        var person = world.person(customer, FixedRole.CUSTOMER_USER);
        Cookie session = login(mvc, person.email(), World.PASSWORD);
        String raw = "0a:1b:2c:3d:4e:5f:60";
        String normalized = "0A1B2C3D4E5F60";
        registerMine(session, raw).andExpect(status().isCreated());
        var rows = jdbc.sql("SELECT * FROM identity_card").query().listOfRows();
        assertThat(rows).isNotEmpty();
        for (Map<String, Object> row : rows) {
            for (Object value : row.values()) {
                String text = String.valueOf(value);
                assertThat(text).doesNotContainIgnoringCase(raw).doesNotContainIgnoringCase(normalized)
                        .doesNotContainIgnoringCase("0a1b2c3d4e5f60");
            }
        }
        // nor in the audit trail, once the card's registration is recorded there
        eventually(() -> assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE type = 'CARD_REGISTERED' AND subject = ?")
                .param(person.userId().toString()).query(Integer.class).single()).isOne());
        assertThat(jdbc.sql("SELECT * FROM audit_event").query().listOfRows()).allSatisfy(row -> assertThat(row.values())
                .allSatisfy(value -> assertThat(String.valueOf(value)).doesNotContainIgnoringCase(normalized).doesNotContainIgnoringCase(raw)));
        assertThat(cards.userWithCard(customer, normalized)).contains(person.userId());
    }
}
