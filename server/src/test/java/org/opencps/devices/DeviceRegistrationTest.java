package org.opencps.devices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.opencps.devices.DeviceKit.API;
import static org.opencps.devices.DeviceKit.as;
import static org.opencps.testing.Api.json;
import static org.opencps.testing.Eventually.eventually;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.opencps.platform.security.ActorAuthentication;
import org.opencps.tenancy.License;
import org.opencps.tenancy.Organizations;
import org.opencps.testing.MutableClock;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.RowCounts;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** PRODUCT.md §4 devices: registration with a one-time code, the device credential, the license's device limit. */
@OpenCpsTest
@Import(DeviceKit.class)
class DeviceRegistrationTest {

    @Autowired MockMvc mvc;
    @Autowired World world;
    @Autowired DeviceKit kit;
    @Autowired JdbcClient jdbc;
    @Autowired MutableClock clock;
    @Autowired Organizations organizations;

    private int audited(String type) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE type = ?").param(type).query(Integer.class).single();
    }


    private Map<String, Integer> deviceRows() {
        return RowCounts.of(jdbc, "devices_");
    }

    @Test
    void aPrinterRegistersWithACodeAndGetsACredentialThatIsStoredOnlyHashed() throws Exception {
        OrgId org = world.customer(world.root(), "Register Co");
        String code = kit.code(org);
        assertThat(code).matches("[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}");

        var device = DeviceKit.registered(kit.register(code, "PRINTER", "Floor 2"));
        assertThat(device.orgId()).isEqualTo(org);
        assertThat(device.credential()).matches("ocpsd_[A-Za-z0-9_-]{43}");
        String stored = jdbc.sql("SELECT credential_hash FROM devices_device WHERE id = ?").param(device.id().value())
                .query(String.class).single();
        assertThat(stored).hasSize(64).doesNotContain(device.credential().substring(6));
        eventually(() -> {
            assertThat(kit.audited("DEVICE_REGISTERED", org)).isOne();
            assertThat(kit.audited("ACTIVATION_CODE_USED", org)).isOne();
        });

        mvc.perform(as(device.credential(), json(post(API + "/devices/" + device.id() + "/heartbeat"), "{\"status\":\"IDLE\"}")))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/organizations/" + org + "/devices/" + device.id())
                        .with(authentication(new ActorAuthentication(kit.adminOf(org)))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Floor 2"))
                .andExpect(jsonPath("$.kind").value("PRINTER"))
                .andExpect(jsonPath("$.model").value("TASKalfa 2554ci"))
                .andExpect(jsonPath("$.serialNumber").value("W4X1234567"))
                .andExpect(jsonPath("$.hostName").value("printer-1.example.com"))
                .andExpect(jsonPath("$.ipAddress").value("192.0.2.10"))
                .andExpect(jsonPath("$.state").value("ACTIVE"));
    }

    @Test
    void aUsedUnknownExpiredOrRevokedCodeIsRefusedNamingTheFieldChangesNothingAndIsAudited() throws Exception {
        OrgId org = world.customer(world.root(), "Refused Code Co");
        String used = kit.code(org);
        kit.register(used, "PRINTER", "First").andExpect(status().isCreated());
        String expiring = kit.code(org);
        var revoked = codes.create(kit.adminOf(org), org, null, "to revoke");
        codes.revoke(kit.adminOf(org), org, revoked.activationCode().id());
        var before = deviceRows();
        int refusedBefore = audited("ACTIVATION_CODE_REFUSED");

        kit.register(used, "PRINTER", "Again").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.field").value("activationCode"))
                .andExpect(jsonPath("$.detail").value("this activation code has already been used"));
        kit.register("AAAA-BBBB-CCCC-DDDD", "PRINTER", "Guess").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.field").value("activationCode"));
        kit.register("", "PRINTER", "Empty").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.field").value("activationCode"));
        kit.register(revoked.code(), "PRINTER", "Revoked").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("this activation code was revoked"));
        clock.advance(Duration.ofHours(24));
        kit.register(expiring, "PRINTER", "Late").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.field").value("activationCode"));

        assertThat(deviceRows()).isEqualTo(before);
        assertThat(audited("ACTIVATION_CODE_REFUSED")).isEqualTo(refusedBefore + 5);
    }

    @Autowired ActivationCodes codes;

    @Test
    void aCodeWorksUntilItsValidityEndsAndTheValidityIsOneHourToThirtyDays() throws Exception {
        OrgId org = world.customer(world.root(), "Validity Co");
        Actor admin = kit.adminOf(org);
        String day = codes.create(admin, org, null, "default").code();
        String hour = codes.create(admin, org, 1, "one hour").code();
        String month = codes.create(admin, org, 720, "thirty days").code();
        for (Integer hours : new Integer[] {0, -1, 721}) {
            mvc.perform(json(post("/api/v1/organizations/" + org + "/devices/activation-codes")
                            .with(authentication(new ActorAuthentication(admin))), "{\"validityHours\":" + hours + "}"))
                    .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("validityHours"));
        }
        clock.advance(Duration.ofHours(1).minusSeconds(1));
        kit.register(hour, "PRINTER", "Just in time").andExpect(status().isCreated());
        clock.advance(Duration.ofHours(23));
        kit.register(day, "PRINTER", "Still in time").andExpect(status().isCreated());
        clock.advance(Duration.ofDays(29));
        kit.register(month, "PRINTER", "Late but fine").andExpect(status().isCreated());
    }

    @Test
    void theListOfCodesNeverShowsACode() throws Exception {
        OrgId org = world.customer(world.root(), "Listing Co");
        String code = kit.code(org);
        String list = mvc.perform(get("/api/v1/organizations/" + org + "/devices/activation-codes")
                        .with(authentication(new ActorAuthentication(kit.adminOf(org)))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(1))
                .andReturn().getResponse().getContentAsString();
        assertThat(list).doesNotContain(code).doesNotContain(code.replace("-", ""));
        String stored = jdbc.sql("SELECT code_hash FROM devices_activation_code").query(String.class).list().toString();
        assertThat(stored).doesNotContain(code).doesNotContain(code.replace("-", ""));
    }

    @Test
    void registrationStopsAtTheLicensesDeviceLimitAndAgentsDoNotCount() throws Exception {
        OrgId provider = world.provider(world.root(), "Limit Provider");
        OrgId org = world.customer(provider, "Limited Co");
        organizations.setLicense(world.adminOf(provider).actor(), org,
                new License(2, "small", LocalDate.of(2026, 1, 1), LocalDate.of(2027, 12, 31)));
        var first = kit.printer(org, "One");
        kit.printer(org, "Two");
        String code = kit.code(org);
        var before = deviceRows();

        kit.register(code, "PRINTER", "Three").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.field").value("license"))
                .andExpect(jsonPath("$.detail").value(containsString("allows 2 devices")));
        assertThat(deviceRows()).isEqualTo(before);

        var agent = kit.agent(org, "Agent");
        mvc.perform(as(agent.credential(), json(post(API + "/printers"),
                        "{\"name\":\"LAN\",\"uri\":\"ipps://192.0.2.30/ipp/print\"}")))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("license"));

        devices.unregister(kit.adminOf(org), org, first.id());
        kit.register(code, "PRINTER", "Three").andExpect(status().isCreated());
    }

    @Autowired Devices devices;

    @Test
    void badDescriptionsAreRefusedNamingTheField() throws Exception {
        OrgId org = world.customer(world.root(), "Bad Input Co");
        String code = kit.code(org);
        Map<String, String> bad = Map.of(
                "name", "\"name\":\"" + "n".repeat(101) + "\"",
                "ipAddress", "\"name\":\"x\",\"ipAddress\":\"300.1.1.1\"",
                "hostName", "\"name\":\"x\",\"hostName\":\"-bad-.example\"",
                "model", "\"name\":\"x\",\"model\":\"" + "m".repeat(101) + "\"",
                "kind", "\"name\":\"x\",\"kind\":null");
        for (var entry : bad.entrySet()) {
            String kind = entry.getKey().equals("kind") ? "" : "\"kind\":\"PRINTER\",";
            mvc.perform(json(post(API + "/registrations"), "{\"activationCode\":\"" + code + "\"," + kind + entry.getValue() + "}"))
                    .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value(entry.getKey()));
        }
        mvc.perform(json(post(API + "/registrations"), "{\"activationCode\":\"" + code + "\",\"kind\":\"SCANNER\",\"name\":\"x\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(json(post(API + "/registrations"), "{\"activationCode\":\"" + code + "\",\"kind\":\"PRINTER\",\"name\":\"x\",\"extra\":1}"))
                .andExpect(status().isBadRequest());
        // the code was not used by any of these
        kit.register(code, "PRINTER", "n".repeat(100)).andExpect(status().isCreated());
        mvc.perform(json(post(API + "/registrations"), """
                        {"activationCode":"%s","kind":"PRINTER","name":"v6","ipAddress":"2001:db8::1"}""".formatted(kit.code(org))))
                .andExpect(status().isCreated());
    }

    @Test
    void tenRefusedRegistrationsAMinuteFromOneSourceAreAllItGets() throws Exception {
        OrgId org = world.customer(world.root(), "Guessed Codes Co");
        String right = kit.code(org);
        var guess = json(post(API + "/registrations"), "{\"activationCode\":\"AAAA-AAAA-AAAA-AAAA\",\"kind\":\"PRINTER\",\"name\":\"x\"}");
        for (int i = 0; i < 10; i++) {
            mvc.perform(guess.with(fromSource("127.88.0.1"))).andExpect(status().isUnprocessableContent());
        }
        mvc.perform(json(post(API + "/registrations").with(fromSource("127.88.0.1")),
                        "{\"activationCode\":\"" + right + "\",\"kind\":\"PRINTER\",\"name\":\"x\"}"))
                .andExpect(status().isTooManyRequests());
        clock.advance(Duration.ofSeconds(6));
        mvc.perform(json(post(API + "/registrations").with(fromSource("127.88.0.1")),
                        "{\"activationCode\":\"" + right + "\",\"kind\":\"PRINTER\",\"name\":\"x\"}"))
                .andExpect(status().isCreated());
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor fromSource(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}
