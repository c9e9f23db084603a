package org.opencps.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.identity.Cards;
import org.opencps.identity.IdCard;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.opencps.platform.security.ActorAuthentication;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** A card an admin registers in the portal waits for its owner, who sees it on My ID cards and confirms it there; nobody else can. */
@OpenCpsTest
class PortalCardConfirmationTest {

    @Autowired MockMvc mvc;
    @Autowired World world;
    @Autowired Cards cards;

    @Test
    void anAdminsCardWaitsForTheOwnerWhoConfirmsItOnMyIdCards() throws Exception {
        OrgId org = world.customer(world.root(), "Portal Card Co");
        Actor admin = world.person(org, FixedRole.CUSTOMER_ADMIN).actor();
        Actor member = world.person(org, FixedRole.CUSTOMER_USER).actor();
        String memberPage = "/orgs/" + org + "/users/" + member.userId();

        MvcResult registered = send(admin, memberPage + "/cards", "number=BEEF4321&label=Badge", 302);
        assertThat(registered.getFlashMap().get("notice")).isEqualTo("cards.registeredWaiting");
        IdCard card = cards.cards(member, org, member.userId()).getFirst();
        assertThat(card.pending()).isTrue();
        assertThat(card.addedBy()).isEqualTo(admin.userId());
        assertThat(cards.userWithCard(org, "BEEF4321")).isEmpty();

        String adminView = page(admin, memberPage, Locale.ENGLISH);
        assertThat(adminView).contains("Waits for the person&#39;s confirmation").doesNotContain("/confirm");
        String ownView = page(member, "/cards", Locale.ENGLISH);
        assertThat(ownView).contains("Waits for your confirmation", "Someone else registered a card on your account",
                "action=\"/cards/" + card.id() + "/confirm\"");
        assertThat(page(member, "/cards", Locale.GERMAN)).contains("Wartet auf Ihre Bestätigung", "Bestätigen");
        assertThat(page(member, "/cards", Locale.JAPANESE)).contains("あなたの確認待ちです", "確認する");

        // the admin's own confirm route does not reach the member's card
        send(admin, "/cards/" + card.id() + "/confirm", "", 404);
        assertThat(cards.userWithCard(org, "BEEF4321")).isEmpty();

        MvcResult confirmed = send(member, "/cards/" + card.id() + "/confirm", "", 302);
        assertThat(confirmed.getFlashMap().get("notice")).isEqualTo("cards.confirmed");
        assertThat(cards.userWithCard(org, "BEEF4321")).contains(member.userId());
        assertThat(page(member, "/cards", Locale.ENGLISH)).contains("Active").doesNotContain("/confirm");
    }

    private MvcResult send(Actor actor, String url, String body, int expected) throws Exception {
        MvcResult result = mvc.perform(post(url).with(csrf()).with(authentication(new ActorAuthentication(actor)))
                .contentType("application/x-www-form-urlencoded").content(body)).andReturn();
        assertThat(result.getResponse().getStatus()).as(url).isEqualTo(expected);
        return result;
    }

    private String page(Actor actor, String url, Locale locale) throws Exception {
        var response = mvc.perform(get(url).locale(locale).header("Accept-Language", locale.toLanguageTag())
                .with(authentication(new ActorAuthentication(actor)))).andReturn().getResponse();
        response.setCharacterEncoding("UTF-8");
        assertThat(response.getStatus()).as(url).isEqualTo(200);
        return response.getContentAsString();
    }
}
