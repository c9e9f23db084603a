package org.opencps.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.identity.Languages;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.opencps.platform.security.ActorAuthentication;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** A page's language: the person's choice, else their browser's, else English. */
@OpenCpsTest
class PortalLanguageTest {

    private static final String ENGLISH = "<h1>My account</h1>";
    private static final String GERMAN = "<h1>Mein Konto</h1>";
    private static final String JAPANESE = "<h1>\u30a2\u30ab\u30a6\u30f3\u30c8</h1>";

    @Autowired MockMvc mvc;
    @Autowired World world;
    @Autowired Languages languages;

    @Test
    void withoutAChoiceTheBrowsersFirstSpokenLanguageWinsElseEnglish() throws Exception {
        Actor person = person("Browsers Ltd");
        assertThat(account(person, "ja-JP,en;q=0.5")).contains(JAPANESE);
        assertThat(account(person, "fr-FR, de-AT;q=0.8, en;q=0.5")).contains(GERMAN);
        assertThat(account(person, "fr-FR")).contains(ENGLISH);
        assertThat(account(person, null)).contains(ENGLISH);
    }

    @Test
    void aPersonsChoiceBeatsTheirBrowserAndStaysTheirsAlone() throws Exception {
        OrgId org = world.customer(world.root(), "Choosers Ltd");
        Actor chooser = world.person(org, FixedRole.CUSTOMER_USER).actor();
        Actor colleague = world.person(org, FixedRole.CUSTOMER_USER).actor();

        assertThat(choose(chooser, "de").getResponse().getRedirectedUrl()).isEqualTo("/account");

        assertThat(account(chooser, "ja")).contains(GERMAN).containsPattern("<option value=\"de\"[^>]*\\sselected=\"selected\"");
        assertThat(languages.forMail(chooser.userId())).isEqualTo(Locale.GERMAN);
        assertThat(account(colleague, "ja")).contains(JAPANESE);
        assertThat(languages.forMail(colleague.userId())).isEqualTo(Locale.ENGLISH);

        choose(chooser, "");
        assertThat(account(chooser, "ja")).contains(JAPANESE);
        assertThat(languages.chosenBy(chooser.userId())).isEmpty();
    }

    @Test
    void aLanguageOpenCpsDoesNotSpeakIsRefusedAndTheChoiceStays() throws Exception {
        Actor person = person("Refusals Ltd");
        choose(person, "ja");
        MvcResult refused = choose(person, "fr");
        assertThat(refused.getFlashMap().values()).anySatisfy(value -> assertThat(String.valueOf(value)).contains("\u300cfr\u300d"));
        assertThat(languages.chosenBy(person.userId())).contains(Locale.JAPANESE);
    }

    @Test
    void nobodyChoosesALanguageWithoutLoggingIn() throws Exception {
        MvcResult anonymous = mvc.perform(post("/account/language").with(csrf())
                .contentType("application/x-www-form-urlencoded").content("language=de")).andReturn();
        assertThat(anonymous.getResponse().getStatus()).isEqualTo(302);
        assertThat(anonymous.getResponse().getRedirectedUrl()).endsWith("/login");
    }

    private Actor person(String organization) {
        return world.person(world.customer(world.root(), organization), FixedRole.CUSTOMER_USER).actor();
    }

    private MvcResult choose(Actor actor, String language) throws Exception {
        return mvc.perform(post("/account/language").with(csrf()).with(authentication(new ActorAuthentication(actor)))
                .contentType("application/x-www-form-urlencoded").content("language=" + language)).andReturn();
    }

    private String account(Actor actor, String acceptLanguage) throws Exception {
        MockHttpServletRequestBuilder request = get("/account").with(authentication(new ActorAuthentication(actor)));
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        return mvc.perform(request).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
