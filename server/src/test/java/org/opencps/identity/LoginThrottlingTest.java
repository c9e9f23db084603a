package org.opencps.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencps.testing.Api.json;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.testing.MutableClock;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.Outbox;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** PRODUCT.md §3 detection: many attempts from one source are slowed down, recorded, and reported to admins. */
@OpenCpsTest
class LoginThrottlingTest {

    static final String SOURCE = "127.9.9.9";

    @Autowired MockMvc mvc;
    @Autowired World world;
    @Autowired MutableClock clock;
    @Autowired Outbox outbox;
    @Autowired JdbcClient jdbc;

    ResultActions attempt(String email) throws Exception {
        return mvc.perform(json(post("/api/v1/auth/login").with(request -> {
            request.setRemoteAddr(SOURCE);
            return request;
        }), "{\"email\":\"" + email + "\",\"password\":\"Guess-123-x\"}"));
    }

    @Test
    void the31stAttemptInAMinuteIsRefusedRecordedOnceAndReportedToTheAdmins() throws Exception {
        var org = world.customer(world.root(), "Targeted Co");
        var admin = world.person(org, FixedRole.CUSTOMER_ADMIN);
        var target = world.person(org, FixedRole.CUSTOMER_USER);
        for (int i = 1; i <= 30; i++) {
            attempt(target.email()).andExpect(status().isUnauthorized());
        }
        attempt(target.email()).andExpect(status().isTooManyRequests()).andExpect(header().exists("Retry-After"));
        attempt(target.email()).andExpect(status().isTooManyRequests());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE type = 'LOGINS_THROTTLED' AND source_ip = ?")
                .param(SOURCE).query(Integer.class).single()).isOne();
        assertThat(outbox.messagesTo(admin.email())).singleElement().asString()
                .contains("many failed logins").contains(SOURCE).contains(target.email());
        assertThat(outbox.messagesTo(target.email())).as("only admins are told").isEmpty();

        clock.advance(Duration.ofMinutes(1));
        attempt(target.email()).andExpect(status().isUnauthorized());
    }
}
