package org.opencps.platform.security;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.testing.Api;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A state-changing API call with the session cookie is refused when a browser says it comes from
 * another site (Sec-Fetch-Site) or another origin (Origin), and allowed from the server's own
 * origin and from clients that are not browsers (neither header).
 */
@OpenCpsTest
class CrossOriginWriteTest {

    @Autowired MockMvc mvc;
    @Autowired World world;

    Cookie session;

    @BeforeEach
    void signedIn() throws Exception {
        var person = world.person(world.customer(world.root(), "Origin Co " + java.util.UUID.randomUUID()), FixedRole.CUSTOMER_USER);
        session = Api.login(mvc, person.email(), World.PASSWORD);
    }

    @Test
    void anotherSiteOrOriginMayNotWrite() throws Exception {
        mvc.perform(post("/api/v1/me/pin/regenerate").cookie(session).header("Sec-Fetch-Site", "cross-site"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/me/pin/regenerate").cookie(session).header("Sec-Fetch-Site", "same-site"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/me/pin/regenerate").cookie(session).header("Origin", "https://evil.example"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/me/pin/regenerate").cookie(session).header("Origin", "http://localhost:8443"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/me/pin/regenerate").cookie(session).header("Origin", "null"))
                .andExpect(status().isForbidden());
    }

    @Test
    void theOwnOriginAndNonBrowserClientsMay() throws Exception {
        // a PIN is regenerated at most once every 7 days: 409 means the call got through to the rule
        mvc.perform(post("/api/v1/me/pin/regenerate").cookie(session).header("Origin", "http://localhost"))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/v1/me/pin/regenerate").cookie(session).header("Sec-Fetch-Site", "same-origin"))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/v1/me/pin/regenerate").cookie(session))
                .andExpect(status().isConflict());
    }
}
