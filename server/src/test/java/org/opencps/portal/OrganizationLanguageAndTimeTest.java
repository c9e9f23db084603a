package org.opencps.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.opencps.testing.Api.json;
import static org.opencps.testing.Api.login;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.identity.Languages;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.ActorAuthentication;
import org.opencps.portal.internal.web.PaperSizes;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.Outbox;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * An organization's default language and time zone: pages and mails of people who chose no
 * language follow the default when their browser asks for none OpenCPS speaks, and times are
 * written the way the language writes them, in the organization's time zone.
 */
@OpenCpsTest
class OrganizationLanguageAndTimeTest {

    private static final String GERMAN = "<h1>Mein Konto</h1>";
    private static final String ENGLISH = "<h1>My account</h1>";
    private static final String JAPANESE = "<h1>\u30a2\u30ab\u30a6\u30f3\u30c8</h1>";

    @Autowired MockMvc mvc;
    @Autowired World world;
    @Autowired Outbox outbox;
    @Autowired Languages languages;
    @Autowired PaperSizes paper;

    @Test
    void theDefaultLanguageServesThoseWhoseChoiceAndBrowserSayNothingOpenCpsSpeaks() throws Exception {
        OrgId org = world.customer(world.root(), "Standardsprache GmbH");
        Cookie admin = login(mvc, world.person(org, FixedRole.CUSTOMER_ADMIN).email(), World.PASSWORD);
        settings(org, admin, "UTC", "de").andExpect(status().isOk()).andExpect(jsonPath("$.defaultLanguage").value("de"));
        var person = world.person(org, FixedRole.CUSTOMER_USER);

        assertThat(account(person, "fr-FR")).contains(GERMAN);
        assertThat(account(person, null)).contains(GERMAN);
        assertThat(account(person, "ja, de;q=0.5")).contains(JAPANESE);
        languages.choose(person.userId(), "en");
        assertThat(account(person, "fr-FR")).contains(ENGLISH);
    }

    @Test
    void aDefaultLanguageOpenCpsDoesNotSpeakIsRefusedAndNothingChanges() throws Exception {
        OrgId org = world.customer(world.root(), "Langue Refusée SA");
        Cookie admin = login(mvc, world.person(org, FixedRole.CUSTOMER_ADMIN).email(), World.PASSWORD);
        settings(org, admin, "Europe/Paris", "fr").andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.field").value("defaultLanguage"))
                .andExpect(jsonPath("$.detail").value(containsString("not 'fr'")));
        mvc.perform(get("/api/v1/organizations/" + org + "/settings").cookie(admin))
                .andExpect(jsonPath("$.defaultLanguage").value("en")).andExpect(jsonPath("$.timeZone").value("UTC"));
    }

    @Test
    void aMailToSomeoneWithoutAChoiceIsInTheDefaultLanguageWithTimesInTheOrganizationsZone() throws Exception {
        OrgId org = world.customer(world.root(), "Zeitzonen AG");
        Cookie admin = login(mvc, world.person(org, FixedRole.CUSTOMER_ADMIN).email(), World.PASSWORD);
        settings(org, admin, "Europe/Berlin", "de").andExpect(status().isOk());

        mvc.perform(json(post("/api/v1/organizations/" + org + "/invitations").cookie(admin),
                "{\"email\":\"neu@zeitzonen.example\",\"roles\":[\"CUSTOMER_USER\"]}")).andExpect(status().isCreated());
        String invitations = mvc.perform(get("/api/v1/organizations/" + org + "/invitations").cookie(admin))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        Matcher expires = Pattern.compile("\"expiresAt\":\"([^\"]+)\"").matcher(invitations);
        assertThat(expires.find()).isTrue();
        String berlinTime = DateTimeFormatter.ofPattern("dd.MM.yyyy, HH:mm", Locale.GERMAN)
                .withZone(ZoneId.of("Europe/Berlin")).format(Instant.parse(expires.group(1)));

        assertThat(outbox.messagesTo("neu@zeitzonen.example").getLast())
                .contains("Zeitzonen AG", berlinTime).containsPattern(berlinTime + " MES?Z").doesNotContain("UTC");
    }

    @Test
    void timesOnPagesAreWrittenInThePagesLanguageAndTheOrganizationsTimeZone() throws Exception {
        OrgId org = world.customer(world.root(), "Tokyo KK");
        Cookie admin = login(mvc, world.person(org, FixedRole.CUSTOMER_ADMIN).email(), World.PASSWORD);
        settings(org, admin, "Asia/Tokyo", "en").andExpect(status().isOk());

        String japanese = page("/orgs/" + org + "/users", admin, "ja");
        Matcher time = Pattern.compile("<time datetime=\"([^\"]+)\">([^<]+)</time>").matcher(japanese);
        assertThat(time.find()).isTrue();
        Instant joined = Instant.parse(time.group(1));
        assertThat(time.group(2)).isEqualTo(DateTimeFormatter.ofPattern("yyyy/MM/dd H:mm", Locale.JAPANESE)
                .withZone(ZoneId.of("Asia/Tokyo")).format(joined) + " JST");

        String german = page("/orgs/" + org + "/users", admin, "de");
        assertThat(german).contains(DateTimeFormatter.ofPattern("dd.MM.yyyy, HH:mm", Locale.GERMAN)
                .withZone(ZoneId.of("Asia/Tokyo")).format(joined) + " JST");
    }

    @Test
    void paperSizesAreNamedAndMeasuredInThePagesLanguage() {
        try {
            LocaleContextHolder.setLocale(Locale.GERMAN);
            assertThat(paper.shown("na_letter_8.5x11in")).isEqualTo("US-Letter (8,5 \u00d7 11 in)");
            assertThat(paper.shown("iso_a4_210x297mm")).isEqualTo("A4 (210 \u00d7 297 mm)");
            LocaleContextHolder.setLocale(Locale.JAPANESE);
            assertThat(paper.shown("na_letter_8.5x11in")).isEqualTo("\u30ec\u30bf\u30fc\uff088.5 \u00d7 11 in\uff09");
            assertThat(paper.shown("om_small-photo_100x150mm")).isEqualTo("om_small-photo\uff08100 \u00d7 150 mm\uff09");
            assertThat(paper.shown("auto")).isEqualTo("auto");
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }
    }

    private ResultActions settings(OrgId org, Cookie admin, String zone, String language)
            throws Exception {
        return mvc.perform(json(put("/api/v1/organizations/" + org + "/settings").cookie(admin),
                "{\"idleLogoutMinutes\":30,\"jobRetentionHours\":24,\"timeZone\":\"" + zone + "\",\"defaultLanguage\":\"" + language + "\"}"));
    }

    private String account(World.Person person, String acceptLanguage) throws Exception {
        var request = get("/account").with(authentication(new ActorAuthentication(person.actor())));
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        return mvc.perform(request).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private String page(String path, Cookie session, String acceptLanguage) throws Exception {
        return mvc.perform(get(path).cookie(session).header("Accept-Language", acceptLanguage))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
