package org.opencps.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencps.testing.Api.json;
import static org.opencps.testing.Api.login;
import static org.opencps.testing.Eventually.allEventsDelivered;
import static org.opencps.testing.Eventually.eventually;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.devices.DeviceKit;
import org.opencps.identity.CardRegistered;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.Outbox;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A refusal is audited once however its request's transaction ends, rolled back included; a change
 * is audited only once it committed: one that is refused half-way, after its event was published,
 * leaves no record (nor the mail its event would have sent).
 */
@OpenCpsTest
@Import(DeviceKit.class)
class AuditedWhateverTheOutcomeTest {

    @Autowired MockMvc mvc;
    @Autowired World world;
    @Autowired DeviceKit kit;
    @Autowired Outbox outbox;
    @Autowired JdbcClient jdbc;
    @Autowired RefusingParticipant refusing;

    @Test
    void aRefusedRegistrationIsAuditedOnceThoughItsTransactionRollsBack() throws Exception {
        OrgId org = world.customer(world.root(), "Refused Once Co");
        String code = kit.code(org);
        kit.register(code, "PRINTER", "First").andExpect(status().isCreated());

        // the registration's transaction rolls back: nothing of it stays but the audit record
        kit.register(code, "PRINTER", "Again").andExpect(status().isUnprocessableContent());
        assertThat(count("ACTIVATION_CODE_REFUSED", org)).as("recorded before the answer").isOne();
        allEventsDelivered(jdbc);
        assertThat(count("ACTIVATION_CODE_REFUSED", org)).isOne();
        assertThat(count("DEVICE_REGISTERED", org)).as("the first registration only").isOne();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM devices_device WHERE org_id = ?").param(org.value())
                .query(Integer.class).single()).isOne();
    }

    @Test
    void aFailedLoginIsAuditedOnce() throws Exception {
        var person = world.person(world.customer(world.root(), "Failed Login Co"), FixedRole.CUSTOMER_USER);
        mvc.perform(json(post("/api/v1/auth/login"), "{\"email\":\"" + person.email() + "\",\"password\":\"Wrong-pass-1\"}"))
                .andExpect(status().isUnauthorized());
        assertThat(loginsFailed(person.userId())).isOne();
        allEventsDelivered(jdbc);
        assertThat(loginsFailed(person.userId())).isOne();
    }

    @Test
    void aChangeRefusedAfterItsEventWasPublishedIsNotAudited() throws Exception {
        OrgId org = world.customer(world.root(), "Half Way Co");
        var admin = world.person(org, FixedRole.CUSTOMER_ADMIN);
        var member = world.person(org, FixedRole.CUSTOMER_USER);
        var adminSession = login(mvc, admin.email(), World.PASSWORD);
        refusing.refuseCardsOf(member.userId());

        mvc.perform(json(post("/api/v1/organizations/" + org + "/members/" + member.userId() + "/cards").cookie(adminSession),
                "{\"number\":\"4A1F0001\"}")).andExpect(status().is5xxServerError());
        allEventsDelivered(jdbc);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM identity_card WHERE org_id = ?").param(org.value()).query(Integer.class).single())
                .as("the card rolled back").isZero();
        assertThat(count("CARD_REGISTERED", org)).isZero();
        assertThat(outbox.messagesTo(member.email())).as("nor is its owner told of it").isEmpty();

        // the same change, let through, is recorded and told
        refusing.letThrough(member.userId());
        mvc.perform(json(post("/api/v1/organizations/" + org + "/members/" + member.userId() + "/cards").cookie(adminSession),
                "{\"number\":\"4A1F0001\"}")).andExpect(status().isCreated());
        eventually(() -> {
            assertThat(count("CARD_REGISTERED", org)).isOne();
            assertThat(outbox.messagesTo(member.email())).hasSize(1);
        });
    }

    private int count(String type, OrgId org) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE type = ? AND org_id = ?").params(type, org.value())
                .query(Integer.class).single();
    }

    private int loginsFailed(UserId user) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE type = 'LOGIN_FAILED' AND actor_user_id = ?").param(user.value())
                .query(Integer.class).single();
    }

    /**
     * A part of the publishing transaction that refuses the card of certain people after the card
     * was stored and its event published, as a listener in the same transaction may: the
     * transaction rolls back.
     */
    static class RefusingParticipant {

        private final Set<UserId> refused = ConcurrentHashMap.newKeySet();

        void refuseCardsOf(UserId user) {
            refused.add(user);
        }

        void letThrough(UserId user) {
            refused.remove(user);
        }

        @EventListener
        void on(CardRegistered e) {
            if (refused.contains(e.user())) {
                throw new IllegalStateException("refused half-way, after the card's event was published");
            }
        }
    }

    @TestConfiguration
    static class Participants {

        @Bean
        RefusingParticipant refusingParticipant() {
            return new RefusingParticipant();
        }
    }
}
