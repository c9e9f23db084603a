package org.opencps.devices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.opencps.devices.DeviceKit.API;
import static org.opencps.devices.DeviceKit.as;
import static org.opencps.testing.Api.from;
import static org.opencps.testing.Api.json;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opencps.access.FixedRole;
import org.opencps.identity.Cards;
import org.opencps.identity.Pins;
import org.opencps.platform.ids.OrgId;
import org.opencps.tenancy.DeviceLoginMethod;
import org.opencps.tenancy.OrganizationSettings;
import org.opencps.tenancy.Organizations;
import org.opencps.testing.Api;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The organization's settings hold at its printers: the IP allow-list against the device's own
 * address (registration, every Device API call, and so every login at it), and the ways people
 * may log in (PIN, card, e-mail and password). Refusals are audited and start no session.
 */
@OpenCpsTest
@Import(DeviceKit.class)
class DeviceAllowListTest {

    private static final String HEARTBEAT = "{\"status\":\"IDLE\"}";

    @Autowired MockMvc mvc;
    @Autowired World world;
    @Autowired DeviceKit kit;
    @Autowired Organizations organizations;
    @Autowired Pins pins;
    @Autowired Cards cards;
    @Autowired JdbcClient jdbc;

    void settings(OrgId org, List<String> networks, Set<DeviceLoginMethod> methods) {
        organizations.updateSettings(kit.adminOf(org), org, new OrganizationSettings(30, 24, networks, methods), "10.0.0.1");
    }

    ResultActions login(DeviceKit.Registered printer, RequestPostProcessor from, String body) throws Exception {
        return mvc.perform(as(printer.credential(), json(post(API + "/devices/" + printer.id() + "/sessions").with(from), body)));
    }

    String pinLogin(World.Person person) {
        return "{\"method\":\"PIN\",\"pin\":\"" + pins.myPin(person.actor()).pin() + "\"}";
    }

    int sessions(OrgId org) {
        return jdbc.sql("SELECT COUNT(*) FROM devices_session WHERE org_id = ?").param(org.value()).query(Integer.class).single();
    }

    @Test
    void aDeviceOutsideTheListIsRefusedOnEveryCallAndNobodyLogsInAtIt() throws Exception {
        OrgId org = world.customer(world.root(), "Device Allow Co");
        var printer = kit.printer(org, "Lobby");
        var person = world.person(org, FixedRole.CUSTOMER_USER);
        settings(org, List.of("10.0.0.0/8"), null);

        mvc.perform(as(printer.credential(), json(post(API + "/devices/" + printer.id() + "/heartbeat"), HEARTBEAT)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail", containsString("accepts requests only from its own networks")));
        login(printer, from("0:0:0:0:0:0:0:1"), pinLogin(person)).andExpect(status().isForbidden());
        login(printer, Api.fromOwnAddress(), "{\"method\":\"PASSWORD\",\"email\":\"" + person.email()
                + "\",\"password\":\"" + World.PASSWORD + "\"}").andExpect(status().isForbidden());
        assertThat(sessions(org)).isZero();
        assertThat(kit.audited("ADDRESS_NOT_ALLOWED", org)).isEqualTo(3);

        String inside = Api.freshAddressIn10();
        mvc.perform(as(printer.credential(), json(post(API + "/devices/" + printer.id() + "/heartbeat").with(from(inside)), HEARTBEAT)))
                .andExpect(status().isOk());
        login(printer, from(inside), pinLogin(person)).andExpect(status().isCreated());
    }

    @Test
    void registeringFromOutsideTheListIsRefusedAndTheCodeStaysUsable() throws Exception {
        OrgId org = world.customer(world.root(), "Device Register Co");
        String code = kit.code(org);
        settings(org, List.of("10.0.0.0/8"), null);

        kit.register(code, "PRINTER", "Outside").andExpect(status().isForbidden());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM devices_device WHERE org_id = ?").param(org.value()).query(Integer.class).single())
                .isZero();
        assertThat(kit.audited("ADDRESS_NOT_ALLOWED", org)).isOne();

        mvc.perform(json(post(API + "/registrations").with(from(Api.freshAddressIn10())), """
                {"activationCode":"%s","kind":"PRINTER","name":"Inside","model":"TASKalfa 2554ci","serialNumber":"W4X1234567",
                 "hostName":"printer-1.example.com","ipAddress":"10.0.0.10"}""".formatted(code))).andExpect(status().isCreated());
    }

    @ParameterizedTest
    @EnumSource(DeviceLoginMethod.class)
    void aWayToLogInThatIsTurnedOffIsRefusedAndTheOthersStillWork(DeviceLoginMethod off) throws Exception {
        OrgId org = world.customer(world.root(), "Methods " + off + " Co");
        var printer = kit.printer(org, "Hall");
        var person = world.person(org, FixedRole.CUSTOMER_USER);
        cards.register(person.actor(), org, person.userId(), "04A21F9C", "Badge");
        var allowed = EnumSet.allOf(DeviceLoginMethod.class);
        allowed.remove(off);
        settings(org, List.of(), allowed);

        for (DeviceLoginMethod method : DeviceLoginMethod.values()) {
            String body = switch (method) {
                case PIN -> pinLogin(person);
                case CARD -> "{\"method\":\"CARD\",\"cardNumber\":\"04A21F9C\"}";
                case PASSWORD -> "{\"method\":\"PASSWORD\",\"email\":\"" + person.email() + "\",\"password\":\"" + World.PASSWORD + "\"}";
            };
            var answer = login(printer, Api.fromOwnAddress(), body);
            if (method == off) {
                answer.andExpect(status().isForbidden())
                        .andExpect(jsonPath("$.detail", containsString("does not allow logging in at its printers")));
            } else {
                answer.andExpect(status().isCreated());
            }
        }
        assertThat(sessions(org)).isEqualTo(2);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE type = 'DEVICE_LOGIN_FAILED' AND org_id = ? AND detail LIKE ?")
                .params(org.value(), off + ": this way of logging in is turned off%").query(Integer.class).single()).isOne();
    }
}
