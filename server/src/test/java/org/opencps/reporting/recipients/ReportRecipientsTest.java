package org.opencps.reporting.recipients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencps.testing.Api.json;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.opencps.platform.security.ActorAuthentication;
import org.opencps.testing.MutableClock;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.RowCounts;
import org.opencps.testing.World;
import org.opencps.testing.peers.SmtpServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * PRODUCT.md §2 report recipients, through the API and a real SMTP server: double opt-in with a
 * single-use link that expires after 7 days, an unsubscribe link in every mail (and a one-click
 * List-Unsubscribe header) that works without a login, and nothing else for the recipient.
 */
@OpenCpsTest
class ReportRecipientsTest {

    private static final SmtpServer SMTP = SmtpServer.start();
    private static final Pattern CONFIRM = Pattern.compile("http://localhost:8080/report-recipients/confirm/(rc_[A-Za-z0-9_-]+)");
    private static final Pattern UNSUBSCRIBE = Pattern.compile("http://localhost:8080/report-recipients/unsubscribe/(ru_[A-Za-z0-9_.-]+)");

    @Autowired MockMvc mvc;
    @Autowired World world;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        SMTP.configure(registry);
    }

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    private static String address(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    private ResultActions add(Actor actor, OrgId org, String email, String language) throws Exception {
        return mvc.perform(json(post("/api/v1/organizations/" + org + "/report-recipients")
                .with(authentication(new ActorAuthentication(actor))), "{\"email\":\"" + email + "\",\"language\":\"" + language + "\"}"));
    }

    private String statusOf(OrgId org, String email) {
        return jdbc.sql("SELECT status FROM reporting_recipient WHERE org_id = ? AND email = ?").params(org.value(), email)
                .query(String.class).single();
    }

    private MimeMessage onlyMailTo(String email) throws Exception {
        List<MimeMessage> mails = SMTP.messagesTo(email);
        assertThat(mails).as("mails to " + email).hasSize(1);
        return mails.getFirst();
    }

    private static String find(Pattern pattern, MimeMessage mail) throws Exception {
        Matcher matcher = pattern.matcher(mail.getContent().toString().replace("=\r\n", ""));
        assertThat(matcher.find()).as("link " + pattern + " in the mail").isTrue();
        return matcher.group(1);
    }

    @Test
    void aRecipientConfirmsOnceAndEveryMailCarriesAnUnsubscribeLinkThatNeedsNoLogin() throws Exception {
        OrgId org = world.customer(world.root(), "Recipients Co");
        Actor admin = world.person(org, FixedRole.CUSTOMER_ADMIN).actor();
        String email = address("controller");

        add(admin, org, email, "en").andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("PENDING"));
        assertThat(statusOf(org, email)).isEqualTo("PENDING");
        MimeMessage mail = onlyMailTo(email);
        assertThat(mail.getSubject()).isEqualTo("Recipients Co: please confirm that you want to receive reports");
        String token = find(CONFIRM, mail);
        String unsubscribe = find(UNSUBSCRIBE, mail);
        assertThat(mail.getHeader("List-Unsubscribe")[0])
                .isEqualTo("<http://localhost:8080/api/v1/public/report-recipients/unsubscribe/" + unsubscribe + ">");
        assertThat(mail.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM reporting_recipient WHERE confirm_token_hash LIKE ?").param("%" + token.substring(3) + "%")
                .query(Long.class).single()).as("the link is stored hashed only").isZero();

        var confirmed = mvc.perform(post("/api/v1/public/report-recipients/confirmations/" + token))
                .andExpect(status().isOk()).andExpect(jsonPath("$.email").value(email))
                .andExpect(jsonPath("$.status").value("CONFIRMED")).andReturn();
        assertThat(confirmed.getResponse().getCookies()).as("confirming logs no one in").isEmpty();
        assertThat(confirmed.getResponse().getContentAsString()).doesNotContain(org.toString());
        assertThat(statusOf(org, email)).isEqualTo("CONFIRMED");

        mvc.perform(post("/api/v1/public/report-recipients/confirmations/" + token)).andExpect(status().isNotFound());
        // the links are no credential: nothing else answers to them
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + unsubscribe)).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/organizations/" + org + "/report-recipients")).andExpect(status().isUnauthorized());

        // RFC 8058 one-click, as a mail provider sends it: a form POST without cookies or CSRF token
        mvc.perform(post("/api/v1/public/report-recipients/unsubscribe/" + unsubscribe)
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED).content("List-Unsubscribe=One-Click"))
                .andExpect(status().isNoContent());
        assertThat(statusOf(org, email)).isEqualTo("UNSUBSCRIBED");
        mvc.perform(post("/api/v1/public/report-recipients/unsubscribe/" + unsubscribe)).andExpect(status().isNoContent());
        assertThat(statusOf(org, email)).isEqualTo("UNSUBSCRIBED");
    }

    @Test
    void theConfirmationLinkExpiresAfterSevenDays() throws Exception {
        OrgId org = world.customer(world.root(), "Expiry Recipients Co");
        Actor admin = world.person(org, FixedRole.CUSTOMER_ADMIN).actor();
        String early = address("early");
        String late = address("late");
        add(admin, org, early, "en").andExpect(status().isCreated());
        add(admin, org, late, "en").andExpect(status().isCreated());
        String earlyToken = find(CONFIRM, onlyMailTo(early));
        String lateToken = find(CONFIRM, onlyMailTo(late));

        clock.advance(Duration.ofDays(7).minusSeconds(1));
        mvc.perform(post("/api/v1/public/report-recipients/confirmations/" + earlyToken)).andExpect(status().isOk());
        clock.advance(Duration.ofSeconds(1));
        mvc.perform(post("/api/v1/public/report-recipients/confirmations/" + lateToken)).andExpect(status().isNotFound());
        assertThat(statusOf(org, early)).isEqualTo("CONFIRMED");
        assertThat(statusOf(org, late)).isEqualTo("PENDING");
    }

    @Test
    void aForgedOrAlteredUnsubscribeLinkChangesNothing() throws Exception {
        OrgId org = world.customer(world.root(), "Forgery Co");
        Actor admin = world.person(org, FixedRole.CUSTOMER_ADMIN).actor();
        String mine = address("mine");
        String victim = address("victim");
        add(admin, org, mine, "en").andExpect(status().isCreated());
        add(admin, org, victim, "en").andExpect(status().isCreated());
        mvc.perform(post("/api/v1/public/report-recipients/confirmations/" + find(CONFIRM, onlyMailTo(victim))))
                .andExpect(status().isOk());
        String myLink = find(UNSUBSCRIBE, onlyMailTo(mine));
        UUID victimId = jdbc.sql("SELECT id FROM reporting_recipient WHERE email = ?").param(victim).query(UUID.class).single();

        // the victim's ids with my signature, and my link with its signature altered
        var ids = java.nio.ByteBuffer.allocate(32).putLong(org.value().getMostSignificantBits())
                .putLong(org.value().getLeastSignificantBits()).putLong(victimId.getMostSignificantBits())
                .putLong(victimId.getLeastSignificantBits());
        String forged = "ru_" + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(ids.array())
                + myLink.substring(myLink.indexOf('.'));
        char last = myLink.charAt(myLink.length() - 1);
        String altered = myLink.substring(0, myLink.length() - 1) + (last == 'A' ? 'B' : 'A');
        for (String link : List.of(forged, altered, "ru_nothing", "x")) {
            mvc.perform(post("/api/v1/public/report-recipients/unsubscribe/" + link)).andExpect(status().isNotFound());
        }
        assertThat(statusOf(org, victim)).isEqualTo("CONFIRMED");
        assertThat(statusOf(org, mine)).isEqualTo("PENDING");
    }

    @Test
    void mailsAreWrittenInTheRecipientsLanguage() throws Exception {
        OrgId org = world.customer(world.root(), "Sprachberichte GmbH");
        Actor admin = world.person(org, FixedRole.CUSTOMER_ADMIN).actor();
        String german = address("de");
        String japanese = address("ja");
        add(admin, org, german, "de").andExpect(status().isCreated());
        add(admin, org, japanese, "ja").andExpect(status().isCreated());
        MimeMessage de = onlyMailTo(german);
        assertThat(de.getSubject()).isEqualTo("Sprachberichte GmbH: Bitte bestätigen Sie, dass Sie Berichte erhalten möchten");
        assertThat(de.getContent().toString()).contains("Berichtsempfänger");
        MimeMessage ja = onlyMailTo(japanese);
        assertThat(ja.getSubject()).isEqualTo("Sprachberichte GmbH: レポートの受信を確認してください");
        add(admin, org, address("xx"), "fr").andExpect(status().isUnprocessableContent());
    }

    @Test
    void badAddressesAndDuplicatesAreRefusedWithNothingWritten() throws Exception {
        OrgId org = world.customer(world.root(), "Bad input Co");
        Actor admin = world.person(org, FixedRole.CUSTOMER_ADMIN).actor();
        String email = address("twice");
        add(admin, org, email, "en").andExpect(status().isCreated());
        Map<String, Integer> before = RowCounts.of(jdbc, "reporting_");
        add(admin, org, email.toUpperCase(), "en").andExpect(status().isConflict());
        add(admin, org, "not an address", "en").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("not a valid e-mail address")));
        add(admin, org, "", "en").andExpect(status().isUnprocessableContent());
        assertThat(RowCounts.of(jdbc, "reporting_")).isEqualTo(before);
        assertThat(SMTP.messagesTo(email)).hasSize(1);
    }

    /** PRODUCT.md §2: only those who manage the organization's schedules manage its recipients. */
    @Test
    void onlyTheOrganizationsScheduleManagersSeeOrChangeItsRecipients() throws Exception {
        OrgId provider = world.provider(world.root(), "Recipients provider");
        OrgId org = world.customer(provider, "Guarded Co");
        OrgId other = world.customer(world.root(), "Other Co");
        Actor admin = world.person(org, FixedRole.CUSTOMER_ADMIN).actor();
        add(admin, org, address("kept"), "en").andExpect(status().isCreated());
        UUID id = jdbc.sql("SELECT id FROM reporting_recipient WHERE org_id = ?").param(org.value()).query(UUID.class).single();
        Map<String, Integer> before = RowCounts.of(jdbc, "reporting_");
        int mails = SMTP.received().length;

        Map<Actor, Integer> refused = Map.of(
                world.person(org, FixedRole.PRINT_MANAGER).actor(), 403,
                world.person(org, FixedRole.CUSTOMER_USER).actor(), 403,
                world.person(provider, FixedRole.PROVIDER_ADMIN).actor(), 403,
                world.person(provider, FixedRole.PROVIDER_SUPPORT).actor(), 403,
                world.person(other, FixedRole.CUSTOMER_ADMIN).actor(), 404,
                world.rootAdmin().actor(), 404);
        for (var caller : refused.entrySet()) {
            var as = authentication(new ActorAuthentication(caller.getKey()));
            int expected = caller.getValue();
            mvc.perform(get("/api/v1/organizations/" + org + "/report-recipients").with(as)).andExpect(status().is(expected));
            add(caller.getKey(), org, address("intruder"), "en").andExpect(status().is(expected));
            mvc.perform(delete("/api/v1/organizations/" + org + "/report-recipients/" + id).with(as)).andExpect(status().is(expected));
        }
        // another organization's admin, in their own organization, with this recipient's id
        mvc.perform(delete("/api/v1/organizations/" + other + "/report-recipients/" + id)
                .with(authentication(new ActorAuthentication(refused.keySet().stream()
                        .filter(a -> a.orgId().equals(other)).findFirst().orElseThrow())))).andExpect(status().isNotFound());
        assertThat(RowCounts.of(jdbc, "reporting_")).isEqualTo(before);
        assertThat(SMTP.received()).hasSize(mails);

        String body = mvc.perform(get("/api/v1/organizations/" + org + "/report-recipients")
                .with(authentication(new ActorAuthentication(admin)))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(body, "$[*].email")).hasSize(1);
        mvc.perform(delete("/api/v1/organizations/" + org + "/report-recipients/" + id)
                .with(authentication(new ActorAuthentication(admin)))).andExpect(status().isNoContent());
    }
}
