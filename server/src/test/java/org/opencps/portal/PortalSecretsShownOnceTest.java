package org.opencps.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.devices.ActivationCodes;
import org.opencps.identity.ApiTokens;
import org.opencps.ipp.PrintQueues;
import org.opencps.platform.ids.OrgId;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Pages that make a secret (an API token, an activation code, a secret queue URL) post, redirect,
 * get: the POST makes it and redirects to an address without it; the page after shows it once,
 * and reloading that page shows it no more and makes no other. While it waits in the session it
 * is sealed.
 */
@OpenCpsTest
@RealCsrfTokens
class PortalSecretsShownOnceTest {

    @Autowired MockMvc mvc;
    @Autowired World world;
    @Autowired ApiTokens tokens;
    @Autowired ActivationCodes codes;
    @Autowired PrintQueues queues;
    @Autowired JdbcClient jdbc;

    @Test
    void aNewApiTokenIsShownOnceAfterTheRedirect() throws Exception {
        var person = world.person(world.customer(world.root(), "Tokens Ltd"), FixedRole.CUSTOMER_USER);
        var browser = loggedIn(person.email(), "/tokens");
        String secret = shownOnce(browser, "/tokens", "name=laptop&lifetimeDays=30", "/tokens", "id=\"new-token\"[^>]*>([^<]+)<");
        assertThat(secret).startsWith("ocps_");
        assertThat(tokens.authenticate(secret)).contains(person.actor());
        assertThat(tokens.mine(person.actor())).hasSize(1);
        assertThat(browser.open("/tokens").getResponse().getContentAsString()).contains("laptop");
    }

    @Test
    void aRefusedTokenIsNoneAndTheListSaysWhy() throws Exception {
        var person = world.person(world.customer(world.root(), "Long Ltd"), FixedRole.CUSTOMER_USER);
        var browser = loggedIn(person.email(), "/tokens");
        MvcResult refused = browser.submit("/tokens", "name=forever&lifetimeDays=91");
        assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo("/tokens");
        assertThat(browser.open("/tokens").getResponse().getContentAsString()).contains("1 to 90 days").doesNotContain("ocps_");
        assertThat(tokens.mine(person.actor())).isEmpty();
    }

    @Test
    void aNewActivationCodeIsShownOnceAfterTheRedirect() throws Exception {
        OrgId org = world.customer(world.root(), "Codes Ltd");
        var admin = world.person(org, FixedRole.CUSTOMER_ADMIN);
        String devices = "/orgs/" + org + "/devices";
        var browser = loggedIn(admin.email(), devices);
        String code = shownOnce(browser, devices + "/activation-codes", "validityHours=24&note=Floor+3", devices,
                "id=\"activation-code\"[^>]*>([^<]+)<");
        assertThat(code).isNotBlank();
        assertThat(codes.list(admin.actor(), org)).singleElement().satisfies(made -> assertThat(made.note()).isEqualTo("Floor 3"));
    }

    @Test
    void aNewSecretQueueUrlIsShownOnceAfterTheRedirect() throws Exception {
        var person = world.person(world.customer(world.root(), "Queue Ltd"), FixedRole.CUSTOMER_USER);
        var browser = loggedIn(person.email(), "/queue");
        String uri = shownOnce(browser, "/queue/secret", "", "/queue", "id=\"secret-uri\"[^>]*>([^<]+)<");
        assertThat(uri).contains("/ipp/secret/");
        var rotated = queues.setup(person.actor()).queue().secretRotatedAt();
        assertThat(browser.open("/queue").getResponse().getContentAsString()).contains("A secret queue URL is active.");
        assertThat(queues.setup(person.actor()).queue().secretRotatedAt()).as("no new secret by reloading").isEqualTo(rotated);
    }

    /**
     * Sends the form, checks its redirect and that the secret waits sealed in the session, then
     * opens the page twice: the secret (the first group of {@code shown}) on the first, not on the second.
     */
    private String shownOnce(PortalVisitor browser, String form, String body, String page, String shown) throws Exception {
        MvcResult made = browser.submit(form, body);
        assertThat(made.getResponse().getStatus()).isEqualTo(302);
        assertThat(made.getResponse().getRedirectedUrl()).isEqualTo(page);
        List<String> waiting = jdbc.sql("SELECT attribute_bytes FROM spring_session_attributes")
                .query((row, n) -> new String(row.getBytes(1), StandardCharsets.ISO_8859_1)).list();
        assertThat(waiting).as("the flash in the session").anyMatch(bytes -> bytes.contains("shownOnce."));

        var first = Pattern.compile(shown).matcher(browser.open(page).getResponse().getContentAsString());
        assertThat(first.find()).as("the secret on the page after the redirect").isTrue();
        String secret = first.group(1).strip();
        assertThat(made.getResponse().getContentAsString()).doesNotContain(secret);
        assertThat(waiting).as("sealed while it waits").noneMatch(bytes -> bytes.contains(secret));
        assertThat(browser.open(page).getResponse().getContentAsString()).as("the page reloaded")
                .doesNotContainPattern(shown).doesNotContain(secret);
        return secret;
    }

    private PortalVisitor loggedIn(String email, String page) throws Exception {
        var browser = new PortalVisitor(mvc);
        browser.logIn(email);
        browser.open(page);
        return browser;
    }
}
