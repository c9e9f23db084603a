package org.opencps.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencps.testing.Api.json;
import static org.opencps.testing.Api.login;
import static org.opencps.testing.Eventually.eventually;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.testing.Altchas;
import org.opencps.testing.Api;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.Outbox;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** E-mails are written in the recipient's language: their choice, else English (or the page's, for a mail they asked for). */
@OpenCpsTest
class MailLanguageTest {

    @Autowired MockMvc mvc;
    @Autowired World world;
    @Autowired Outbox outbox;
    @Autowired Languages languages;

    @Test
    void aMailCausedBySomeoneElseIsInTheRecipientsChosenLanguage() throws Exception {
        var org = world.customer(world.root(), "Sprachen GmbH");
        var admin = world.person(org, FixedRole.CUSTOMER_ADMIN);
        var german = world.person(org, FixedRole.CUSTOMER_USER);
        var unchosen = world.person(org, FixedRole.CUSTOMER_USER);
        languages.choose(german.userId(), "de");

        for (var member : java.util.List.of(german, unchosen)) {
            mvc.perform(post("/api/v1/organizations/" + org + "/members/" + member.userId() + "/pin/reset")
                            .header("Accept-Language", "ja").cookie(login(mvc, admin.email(), World.PASSWORD)))
                    .andExpect(status().isNoContent());
        }

        eventually(() -> assertThat(outbox.messagesTo(german.email())).singleElement().asString()
                .contains("Ihre alte PIN funktioniert nicht mehr", "Sprachen GmbH", admin.email())
                .doesNotContain("Your old PIN"));
        // the admin's page was Japanese, but the mail is for the member, who chose nothing
        eventually(() -> assertThat(outbox.messagesTo(unchosen.email())).singleElement().asString()
                .contains("Your old PIN no longer works"));
    }

    @Test
    void aMailThePersonAskedForFollowsTheirPageUnlessTheyChoseALanguage() throws Exception {
        var org = world.customer(world.root(), "Reset Languages Co");
        var person = world.person(org, FixedRole.CUSTOMER_USER);
        requestReset(person.email(), "ja-JP");
        assertThat(outbox.messagesTo(person.email()).getLast())
                .contains("\u65b0\u3057\u3044\u30d1\u30b9\u30ef\u30fc\u30c9\u3092\u8a2d\u5b9a\u3057\u3066\u304f\u3060\u3055\u3044", "/reset-password?token=rst_");

        languages.choose(person.userId(), "de");
        requestReset(person.email(), "ja-JP");
        assertThat(outbox.messagesTo(person.email()).getLast()).contains("w\u00e4hlen Sie hier ein neues Passwort");
    }

    @Test
    void anInvitationNamesTheRolesInTheInviteesLanguage() throws Exception {
        var org = world.customer(world.root(), "Invitation Languages Co");
        var admin = world.person(org, FixedRole.CUSTOMER_ADMIN);
        var elsewhere = world.person(world.customer(world.root(), "Other Place"), FixedRole.CUSTOMER_USER);
        languages.choose(elsewhere.userId(), "de");
        var session = login(mvc, admin.email(), World.PASSWORD);
        for (String address : java.util.List.of(elsewhere.email(), "someone-new@example.org")) {
            mvc.perform(json(post("/api/v1/organizations/" + org + "/invitations").cookie(session),
                    "{\"email\":\"" + address + "\",\"roles\":[\"PRINT_MANAGER\"]}")).andExpect(status().isCreated());
        }
        assertThat(outbox.messagesTo(elsewhere.email()).getLast()).contains("als Druckverwalter beizutreten");
        assertThat(outbox.messagesTo("someone-new@example.org").getLast()).contains("as Print manager.");
    }

    private void requestReset(String email, String language) throws Exception {
        String challenge = mvc.perform(get("/api/v1/auth/challenge")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        mvc.perform(json(post("/api/v1/auth/password-reset").with(Api.fromOwnAddress()).header("Accept-Language", language),
                "{\"email\":\"" + email + "\",\"altcha\":\"" + Altchas.solve(challenge) + "\"}")).andExpect(status().isAccepted());
    }
}
