package org.opencps.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.opencps.testing.EmbeddedPostgresServer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * V16 on a database with cards from before it: a card the audit trail shows was registered by
 * someone other than its owner waits for the owner; the others stay usable. Runs on H2, or on
 * PostgreSQL with -Dopencps.test.db=postgres, like every other test.
 */
class CardConfirmationMigrationTest {

    private static final OffsetDateTime CREATED = OffsetDateTime.of(2026, 3, 1, 9, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void cardsAnotherPersonRegisteredBecomePendingAndTheRestStayActive() {
        String name = "opencps_" + UUID.randomUUID().toString().replace("-", "");
        boolean postgres = "postgres".equals(System.getProperty("opencps.test.db", "h2"));
        var dataSource = postgres
                ? new DriverManagerDataSource(EmbeddedPostgresServer.createDatabase(name), "postgres", "")
                : new DriverManagerDataSource("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", "");
        String[] locations = {"classpath:db/migration/common", "classpath:db/migration/" + (postgres ? "postgresql" : "h2")};
        Flyway.configure().dataSource(dataSource).locations(locations).target("15").load().migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);

        UUID org = UUID.randomUUID();
        UUID otherOrg = UUID.randomUUID();
        UUID owner = user(jdbc, org, "owner@example.com");
        UUID admin = user(jdbc, org, "admin@example.com");
        UUID ownersOwn = card(jdbc, org, owner, "own");
        UUID byAdmin = card(jdbc, org, owner, "admin's");
        UUID noRecord = card(jdbc, org, owner, "record purged");
        UUID recordElsewhere = card(jdbc, org, owner, "record of another organization");
        audit(jdbc, org, owner, owner, ownersOwn);
        audit(jdbc, org, admin, owner, byAdmin);
        audit(jdbc, otherOrg, admin, owner, recordElsewhere);

        Flyway.configure().dataSource(dataSource).locations(locations).target("16").load().migrate();

        assertThat(state(jdbc, ownersOwn)).isEqualTo(owner + " active");
        assertThat(state(jdbc, byAdmin)).isEqualTo(admin + " pending");
        assertThat(state(jdbc, noRecord)).isEqualTo(owner + " active");
        assertThat(state(jdbc, recordElsewhere)).isEqualTo(owner + " active");
    }

    private static UUID user(JdbcClient jdbc, UUID org, String email) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO identity_user (id, email, display_name, email_verified, created_at) VALUES (?, ?, ?, TRUE, ?)")
                .params(id, email, email, CREATED).update();
        jdbc.sql("INSERT INTO identity_membership (org_id, user_id, joined_at) VALUES (?, ?, ?)").params(org, id, CREATED).update();
        return id;
    }

    private static UUID card(JdbcClient jdbc, UUID org, UUID owner, String label) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO identity_card (org_id, id, user_id, card_hash, label, created_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(org, id, owner, "hash-" + id, label, CREATED).update();
        return id;
    }

    /** What IdentityAuditListener wrote for a registered card before V16. */
    private static void audit(JdbcClient jdbc, UUID org, UUID actor, UUID owner, UUID card) {
        jdbc.sql("INSERT INTO audit_event (id, org_id, occurred_at, type, actor_user_id, subject, detail) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), org, CREATED, "CARD_REGISTERED", actor, owner.toString(), "card " + card).update();
    }

    private static String state(JdbcClient jdbc, UUID card) {
        return jdbc.sql("SELECT added_by, confirmed_at FROM identity_card WHERE id = ?").param(card)
                .query((rs, i) -> rs.getObject("added_by", UUID.class) + " " + (rs.getObject("confirmed_at") == null ? "pending" : "active"))
                .single();
    }
}
