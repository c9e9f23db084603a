package org.opencps.devices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencps.devices.DeviceKit.API;
import static org.opencps.devices.DeviceKit.as;
import static org.opencps.testing.Api.json;
import static org.opencps.testing.Eventually.allEventsDelivered;
import static org.opencps.testing.Eventually.eventually;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.devices.DeviceKit.Registered;
import org.opencps.platform.ids.OrgId;
import org.opencps.testing.Api;
import org.opencps.testing.MutableClock;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.World;
import org.opencps.testing.peers.SmtpServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * A card added to a person's account at a printer is mailed to the account's owner (through a real
 * SMTP server): which printer, where, when, and what to do if it was not them; never the card number.
 */
@OpenCpsTest
@Import(DeviceKit.class)
class CardAddedMailTest {

    private static final SmtpServer SMTP = SmtpServer.start();
    private static final String NUMBER = "7Q9ZK3XW";

    @Autowired MockMvc mvc;
    @Autowired World world;
    @Autowired DeviceKit kit;
    @Autowired Devices devices;
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

    ResultActions addCard(Registered printer, String session, String number, String label) throws Exception {
        return mvc.perform(as(printer.credential(), json(post(API + "/devices/" + printer.id() + "/sessions/current/cards"),
                "{\"cardNumber\":\"" + number + "\",\"label\":\"" + label + "\"}")).header("X-OpenCPS-Session", session));
    }

    @Test
    void theOwnerIsToldWhichPrinterWhereAndWhenButNotTheNumber() throws Exception {
        OrgId org = world.customer(world.root(), "Card Mail Co");
        Registered printer = kit.printer(org, "Hall");
        devices.update(kit.adminOf(org), org, printer.id(), "Finance MFP", "2nd floor, room 214", null);
        var person = world.person(org, FixedRole.CUSTOMER_USER);
        var colleague = world.person(org, FixedRole.CUSTOMER_USER);
        String session = kit.pinSession(printer, printer.id(), person);
        String when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(Locale.ENGLISH).withZone(ZoneOffset.UTC).format(clock.instant()) + " UTC";

        addCard(printer, session, "7q:9z:k3:xw", "Desk badge").andExpect(status().isCreated());

        eventually(() -> assertThat(SMTP.messagesTo(person.email())).hasSize(1));
        var mails = SMTP.messagesTo(person.email());
        assertThat(mails.getFirst().getSubject()).isEqualTo("OpenCPS: an ID card was added to your account");
        String body = mails.getFirst().getContent().toString();
        assertThat(body).contains("\"Finance MFP\" (2nd floor, room 214)", "Card Mail Co", when,
                "http://localhost:8080/cards", "If it was not you", "remove the card", "administrator");
        assertThat(body.toUpperCase().replaceAll("[^0-9A-Z]", ""))
                .as("no part of the card number").doesNotContain(NUMBER).doesNotContain(NUMBER.substring(NUMBER.length() - 4));
        assertThat(body).as("the label is the adder's text, not ours").doesNotContain("Desk badge");
        assertThat(SMTP.messagesTo(colleague.email())).isEmpty();
    }

    @Test
    void aRefusedCardIsNotMailed() throws Exception {
        OrgId org = world.customer(world.root(), "No Card Mail Co");
        Registered printer = kit.printer(org, "Lobby");
        var person = world.person(org, FixedRole.CUSTOMER_USER);
        String session = kit.pinSession(printer, printer.id(), person);
        addCard(printer, session, "AB12CD34", "First").andExpect(status().isCreated());
        eventually(() -> assertThat(SMTP.messagesTo(person.email())).hasSize(1));
        assertThat(SMTP.messagesTo(person.email()).getFirst().getContent().toString())
                .as("a printer without a location").contains("the printer \"Lobby\"").doesNotContain("\"Lobby\" (");

        addCard(printer, session, "ab12cd34", "Again").andExpect(status().isConflict());
        clock.advance(Duration.ofMinutes(2));
        addCard(printer, session, "EF56AB78", "Too late").andExpect(status().isConflict());
        allEventsDelivered(jdbc);
        assertThat(SMTP.messagesTo(person.email())).hasSize(1);
    }

    @Test
    void aCardSomeoneElseRegisteredIsMailedToTheOwnerAtOnceNamingWhoAddedIt() throws Exception {
        OrgId org = world.customer(world.root(), "Card Waiting Mail Co");
        var admin = world.person(org, FixedRole.CUSTOMER_ADMIN);
        var member = world.person(org, FixedRole.CUSTOMER_USER);
        String when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(Locale.ENGLISH).withZone(ZoneOffset.UTC).format(clock.instant()) + " UTC";
        mvc.perform(json(post("/api/v1/organizations/" + org + "/members/" + member.userId() + "/cards")
                        .cookie(Api.login(mvc, admin.email(), World.PASSWORD)), "{\"number\":\"" + NUMBER + "\",\"label\":\"Click here\"}"))
                .andExpect(status().isCreated());

        eventually(() -> assertThat(SMTP.messagesTo(member.email())).hasSize(1));
        var mails = SMTP.messagesTo(member.email());
        assertThat(mails.getFirst().getSubject()).isEqualTo("OpenCPS: an ID card waits for your confirmation");
        String body = mails.getFirst().getContent().toString();
        assertThat(body).contains(admin.email(), "Card Waiting Mail Co", when, "does not log anyone in as you until you confirm it",
                "http://localhost:8080/cards", "enter your PIN", "remove it");
        assertThat(body.toUpperCase().replaceAll("[^0-9A-Z]", ""))
                .as("no part of the card number").doesNotContain(NUMBER).doesNotContain(NUMBER.substring(NUMBER.length() - 4));
        assertThat(body).as("the label is the registrar's text").doesNotContain("Click here");
        assertThat(SMTP.messagesTo(admin.email())).isEmpty();

        // a card the owner registers themselves in the portal or API waits for nobody: no such mail
        mvc.perform(json(post("/api/v1/me/cards").cookie(Api.login(mvc, member.email(), World.PASSWORD)), "{\"number\":\"OWN12345\"}"))
                .andExpect(status().isCreated());
        allEventsDelivered(jdbc);
        assertThat(SMTP.messagesTo(member.email())).hasSize(1);
    }
}
