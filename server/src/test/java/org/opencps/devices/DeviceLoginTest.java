package org.opencps.devices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.opencps.devices.DeviceKit.API;
import static org.opencps.devices.DeviceKit.as;
import static org.opencps.testing.Api.json;
import static org.opencps.testing.Eventually.eventually;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.devices.DeviceKit.Registered;
import org.opencps.devices.internal.PinLoginGuard;
import org.opencps.devices.internal.persistence.DeviceStore;
import org.opencps.identity.Cards;
import org.opencps.identity.Pins;
import org.opencps.platform.ids.OrgId;
import org.opencps.tenancy.License;
import org.opencps.tenancy.Organizations;
import org.opencps.testing.Api;
import org.opencps.testing.MutableClock;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.Outbox;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * PRODUCT.md §3/§4: a person logs in at a printer by PIN, card, or e-mail and password; PINs and
 * cards cannot be guessed: 3 failures in a row lock a device for 30 minutes, 20 failures an hour
 * throttle the organization.
 */
@OpenCpsTest
@Import(DeviceKit.class)
class DeviceLoginTest {

    @Autowired MockMvc mvc;
    @Autowired World world;
    @Autowired DeviceKit kit;
    @Autowired JdbcClient jdbc;
    @Autowired MutableClock clock;
    @Autowired Pins pins;
    @Autowired Cards cards;
    @Autowired Outbox outbox;
    @Autowired Organizations organizations;
    @Autowired PinLoginGuard guard;
    @Autowired DeviceStore deviceRows;

    ResultActions login(Registered printer, String body) throws Exception {
        return mvc.perform(as(printer.credential(), json(post(API + "/devices/" + printer.id() + "/sessions"), body)));
    }

    ResultActions pin(Registered printer, String pin) throws Exception {
        return login(printer, "{\"method\":\"PIN\",\"pin\":\"" + pin + "\"}");
    }

    String pinOf(World.Person person) {
        return pins.myPin(person.actor()).pin();
    }

    static String wrong(String pin) {
        return pin.equals("000000") ? "000001" : "000000";
    }


    @Test
    void aPersonLogsInByPinCardOrPasswordAndGetsASessionForThatPrinter() throws Exception {
        OrgId org = world.customer(world.root(), "Login Co");
        var printer = kit.printer(org, "Hall");
        var person = world.person(org, FixedRole.CUSTOMER_USER);
        cards.register(person.actor(), org, person.userId(), "04A21F9C", "Badge");

        String body = pin(printer, pinOf(person)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.displayName").value(startsWith("Person")))
                .andExpect(jsonPath("$.idleTimeoutSeconds").value(1800))
                .andReturn().getResponse().getContentAsString();
        assertThat((String) JsonPath.read(body, "$.session")).matches("ocpss_[A-Za-z0-9_-]{43}");
        login(printer, "{\"method\":\"CARD\",\"cardNumber\":\"04:a2:1f:9c\"}").andExpect(status().isCreated());
        login(printer, "{\"method\":\"PASSWORD\",\"email\":\"" + person.email() + "\",\"password\":\"" + World.PASSWORD + "\"}")
                .andExpect(status().isCreated());
        eventually(() -> assertThat(kit.audited("DEVICE_LOGIN_SUCCEEDED", org)).isEqualTo(3));
        String stored = jdbc.sql("SELECT token_hash FROM devices_session WHERE org_id = ?").param(org.value())
                .query(String.class).list().toString();
        assertThat(stored).doesNotContain(((String) JsonPath.read(body, "$.session")).substring(6));
    }

    @Test
    void wrongCredentialsAre401WithoutSayingWhichAndAreAudited() throws Exception {
        OrgId org = world.customer(world.root(), "Wrong Co");
        var printer = kit.printer(org, "Hall");
        var person = world.person(org, FixedRole.CUSTOMER_USER);
        var stranger = world.person(world.customer(world.root(), "Stranger Devices Co"), FixedRole.CUSTOMER_USER);

        pin(printer, wrong(pinOf(person))).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value("the PIN, card or password was not accepted"));
        login(printer, "{\"method\":\"CARD\",\"cardNumber\":\"FFFF0000\"}").andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value("the PIN, card or password was not accepted"));
        pin(printer, pinOf(person)).andExpect(status().isCreated());
        // another organization's member, with the right password, is not let in here
        login(printer, "{\"method\":\"PASSWORD\",\"email\":\"" + stranger.email() + "\",\"password\":\"" + World.PASSWORD + "\"}")
                .andExpect(status().isUnauthorized());
        // a PIN of another organization means nothing here
        pin(printer, pinOf(stranger)).andExpect(status().isUnauthorized());
        assertThat(kit.audited("DEVICE_LOGIN_FAILED", org)).isEqualTo(4);

        // a stranger's password is not checked here at all: right or wrong, the same answer, and
        // wrong ones here do not lock their account
        String strangerWrong = "{\"method\":\"PASSWORD\",\"email\":\"" + stranger.email() + "\",\"password\":\"Wrong-Horse-1\"}";
        for (int i = 0; i < 3; i++) {
            login(printer, strangerWrong).andExpect(status().isUnauthorized())
                    .andExpect(jsonPath("$.detail").value("wrong e-mail address or password"));
        }
        login(printer, "{\"method\":\"PASSWORD\",\"email\":\"" + stranger.email() + "\",\"password\":\"" + World.PASSWORD + "\"}")
                .andExpect(status().isUnauthorized()).andExpect(jsonPath("$.detail").value("wrong e-mail address or password"));
        Api.login(mvc, stranger.email(), World.PASSWORD);

        login(printer, "{\"method\":\"PIN\"}").andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("pin"));
        login(printer, "{\"method\":\"SSO\"}").andExpect(status().isBadRequest());
        login(printer, "{\"method\":\"PASSWORD\",\"email\":\"x@example.com\"}").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.field").value("password"));
    }

    @Test
    void threeFailuresInARowLockPinAndCardLoginsAtThatDeviceForThirtyMinutes() throws Exception {
        OrgId org = world.customer(world.root(), "Lockout Co");
        var printer = kit.printer(org, "Guessed at");
        var other = kit.printer(org, "Next door");
        var person = world.person(org, FixedRole.CUSTOMER_USER);
        String right = pinOf(person);

        // two failures, then a success: the count starts again
        pin(printer, wrong(right)).andExpect(status().isUnauthorized());
        pin(printer, wrong(right)).andExpect(status().isUnauthorized());
        pin(printer, right).andExpect(status().isCreated());
        pin(printer, wrong(right)).andExpect(status().isUnauthorized());
        pin(printer, wrong(right)).andExpect(status().isUnauthorized());
        String until = clock.instant().plus(Duration.ofMinutes(30)).toString();
        pin(printer, wrong(right)).andExpect(status().isLocked()).andExpect(jsonPath("$.lockedUntil").value(until));
        assertThat(kit.audited("DEVICE_LOGIN_LOCKED", org)).isOne();

        pin(printer, right).andExpect(status().isLocked()).andExpect(jsonPath("$.lockedUntil").value(until));
        login(printer, "{\"method\":\"CARD\",\"cardNumber\":\"ABCD1234\"}").andExpect(status().isLocked());
        login(printer, "{\"method\":\"PASSWORD\",\"email\":\"" + person.email() + "\",\"password\":\"" + World.PASSWORD + "\"}")
                .andExpect(status().isCreated());
        pin(other, right).andExpect(status().isCreated());

        clock.advance(Duration.ofMinutes(30).minusSeconds(1));
        pin(printer, right).andExpect(status().isLocked());
        clock.advance(Duration.ofSeconds(1));
        pin(printer, wrong(right)).andExpect(status().isUnauthorized());
        pin(printer, right).andExpect(status().isCreated());
    }

    @Test
    void guessesSentAtOnceGetNoMoreTriesThanOneAfterAnother() throws Exception {
        OrgId org = world.customer(world.root(), "Parallel Guess Co");
        var printer = kit.printer(org, "Guessed at once");
        String right = pinOf(world.person(org, FixedRole.CUSTOMER_USER));
        int guesses = 12;
        var start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(guesses)) {
            for (int i = 0; i < guesses; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return pin(printer, wrong(right)).andReturn().getResponse().getStatus();
                }));
            }
            start.countDown();
            List<Integer> statuses = new java.util.ArrayList<>();
            for (var answer : answers) {
                statuses.add(answer.get());
            }
            // each guess is counted before it is checked: only 3 are ever looked up, the rest are refused unread
            assertThat(statuses).allMatch(status -> status == 401 || status == 423);
            assertThat(statuses.stream().filter(status -> status == 423).count()).isGreaterThanOrEqualTo(guesses - 2);
        }
        assertThat(kit.audited("DEVICE_LOGIN_FAILED", org)).isEqualTo(3);
        pin(printer, right).andExpect(status().isLocked());
    }

    @Test
    void peopleLoggingInAtOnceNeverUseUpTheOrganizationsFailureBudget() throws Exception {
        OrgId org = world.customer(world.root(), "Rush Hour Co");
        organizations.setLicense(world.rootAdmin().actor(), org,
                new License(30, "standard", LocalDate.of(2026, 1, 1), LocalDate.of(2027, 12, 31)));
        String right = pinOf(world.person(org, FixedRole.CUSTOMER_USER));
        // 25 PIN checks under way at 25 printers at the same moment, more than the budget of 20 failures
        for (int i = 0; i < 25; i++) {
            Registered printer = kit.printer(org, "Rush " + i);
            guard.reserve(new DevicePrincipal(org, printer.id(), DeviceKind.PRINTER), deviceRows.find(org, printer.id()).orElseThrow());
        }
        pin(kit.printer(org, "Rush 25"), right).andExpect(status().isCreated());
        assertThat(kit.audited("DEVICE_LOGINS_THROTTLED", org)).isZero();
    }

    @Test
    void guessesThatPassTheOrganizationsCheckTogetherAreAllPaidForBeforeTheNextIsLetThrough() throws Exception {
        OrgId org = world.customer(world.root(), "Debt Co");
        organizations.setLicense(world.rootAdmin().actor(), org,
                new License(30, "standard", LocalDate.of(2026, 1, 1), LocalDate.of(2027, 12, 31)));
        String right = pinOf(world.person(org, FixedRole.CUSTOMER_USER));
        List<Registered> printers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            printers.add(kit.printer(org, "Debt " + i));
        }
        for (int i = 0; i < 15; i++) {
            pin(printers.get(i % 5), wrong(right)).andExpect(status().isUnauthorized());
            if (i % 5 == 4) {
                for (int p = 0; p < 5; p++) {
                    pin(printers.get(p), right).andExpect(status().isCreated());
                }
            }
        }
        // 15 failures; 8 guesses at 8 printers pass the check at the same moment, then all turn out wrong
        List<DevicePrincipal> atOnce = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Registered printer = printers.get(i);
            var principal = new DevicePrincipal(org, printer.id(), DeviceKind.PRINTER);
            guard.reserve(principal, deviceRows.find(org, printer.id()).orElseThrow());
            atOnce.add(principal);
        }
        atOnce.forEach(guard::failed);

        // 23 charged against 20, 3 in debt: four must refill (one every 3 minutes) before any PIN is taken again
        pin(printers.get(9), right).andExpect(status().isTooManyRequests());
        clock.advance(Duration.ofMinutes(9));
        pin(printers.get(9), right).andExpect(status().isTooManyRequests());
        clock.advance(Duration.ofMinutes(3));
        pin(printers.get(9), right).andExpect(status().isCreated());
    }

    @Test
    void twentyFailuresAnHourThrottlePinAndCardLoginsInTheOrganizationAndTellItsAdmins() throws Exception {
        OrgId org = world.customer(world.root(), "Throttle Co");
        organizations.setLicense(world.rootAdmin().actor(), org,
                new License(20, "standard", LocalDate.of(2026, 1, 1), LocalDate.of(2027, 12, 31)));
        var admin = world.person(org, FixedRole.CUSTOMER_ADMIN);
        var person = world.person(org, FixedRole.CUSTOMER_USER);
        String right = pinOf(person);
        List<Registered> printers = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            printers.add(kit.printer(org, "Printer " + i));
        }
        for (int i = 0; i < 9; i++) {
            pin(printers.get(i), wrong(right)).andExpect(status().isUnauthorized());
            pin(printers.get(i), wrong(right)).andExpect(status().isUnauthorized());
        }
        pin(printers.get(9), wrong(right)).andExpect(status().isUnauthorized());
        // 19 failures: a right PIN still works, and costs nothing
        pin(printers.get(9), right).andExpect(status().isCreated());
        pin(printers.get(9), wrong(right)).andExpect(status().isUnauthorized());
        // 20 failures: every PIN and card login in the organization is refused, right or wrong
        pin(printers.get(10), right).andExpect(status().isTooManyRequests()).andExpect(header().exists("Retry-After"));
        login(printers.get(10), "{\"method\":\"CARD\",\"cardNumber\":\"ABCD1234\"}").andExpect(status().isTooManyRequests());
        login(printers.get(10), "{\"method\":\"PASSWORD\",\"email\":\"" + person.email() + "\",\"password\":\"" + World.PASSWORD + "\"}")
                .andExpect(status().isCreated());
        assertThat(kit.audited("DEVICE_LOGINS_THROTTLED", org)).isOne();
        assertThat(outbox.messagesTo(admin.email())).singleElement().asString().contains("failed PIN/card logins");
        assertThat(outbox.messagesTo(person.email())).isEmpty();

        // another organization is not affected
        OrgId elsewhere = world.customer(world.root(), "Unthrottled Co");
        var neighbour = world.person(elsewhere, FixedRole.CUSTOMER_USER);
        pin(kit.printer(elsewhere, "Fine"), pinOf(neighbour)).andExpect(status().isCreated());

        // the budget refills at 20 an hour: one attempt every 3 minutes
        clock.advance(Duration.ofMinutes(3).minusSeconds(1));
        pin(printers.get(10), right).andExpect(status().isTooManyRequests());
        clock.advance(Duration.ofSeconds(1));
        pin(printers.get(10), right).andExpect(status().isCreated());
    }

    @Test
    void theAccountLockoutOfPasswordLoginsAppliesAtDevicesToo() throws Exception {
        OrgId org = world.customer(world.root(), "Password Co");
        var printer = kit.printer(org, "Hall");
        var person = world.person(org, FixedRole.CUSTOMER_USER);
        String wrongPassword = "{\"method\":\"PASSWORD\",\"email\":\"" + person.email() + "\",\"password\":\"Wrong-Horse-1\"}";
        login(printer, wrongPassword).andExpect(status().isUnauthorized());
        login(printer, wrongPassword).andExpect(status().isUnauthorized());
        login(printer, wrongPassword).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value(containsString("locked")));
        login(printer, "{\"method\":\"PASSWORD\",\"email\":\"" + person.email() + "\",\"password\":\"" + World.PASSWORD + "\"}")
                .andExpect(status().isUnauthorized());
        // the account lock is not a device lock: PINs still work there
        pin(printer, pinOf(person)).andExpect(status().isCreated());
    }
}
