package org.opencps.devices;

import static org.opencps.testing.Api.json;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import org.opencps.access.FixedRole;
import org.opencps.identity.Pins;
import org.opencps.platform.ids.DeviceId;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.opencps.testing.Api;
import org.opencps.testing.World;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Registers devices for tests the way a device does: an admin's activation code, then the Device API. */
@Component
@TestComponent
public class DeviceKit {

    public static final String API = "/api/device/v1";

    private final MockMvc mvc;
    private final World world;
    private final ActivationCodes codes;
    private final Pins pins;
    private final JdbcClient jdbc;
    private final java.util.Map<OrgId, Actor> admins = new java.util.concurrent.ConcurrentHashMap<>();

    DeviceKit(MockMvc mvc, World world, ActivationCodes codes, Pins pins, JdbcClient jdbc) {
        this.mvc = mvc;
        this.world = world;
        this.codes = codes;
        this.pins = pins;
        this.jdbc = jdbc;
    }

    /** How many audit events of this type the organization has. */
    public int audited(String type, OrgId org) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE type = ? AND org_id = ?").params(type, org.value())
                .query(Integer.class).single();
    }

    /** The person logs in by PIN at {@code device} through {@code printer}'s credential; returns the session. */
    public String pinSession(Registered printer, DeviceId device, World.Person person) throws Exception {
        var response = mvc.perform(as(printer.credential(), json(post(API + "/devices/" + device + "/sessions"),
                "{\"method\":\"PIN\",\"pin\":\"" + pins.myPin(person.actor()).pin() + "\"}"))).andReturn().getResponse();
        if (response.getStatus() != 201) {
            throw new AssertionError("login failed: " + response.getStatus() + " " + response.getContentAsString());
        }
        return JsonPath.read(response.getContentAsString(), "$.session");
    }

    /** A customer admin of {@code org}, made on first use. */
    public Actor adminOf(OrgId org) {
        return admins.computeIfAbsent(org, o -> world.person(o, FixedRole.CUSTOMER_ADMIN).actor());
    }

    public String code(OrgId org) {
        return codes.create(adminOf(org), org, null, null).code();
    }

    public ResultActions register(String code, String kind, String name) throws Exception {
        return mvc.perform(json(post(API + "/registrations").with(Api.fromOwnAddress()), """
                {"activationCode":"%s","kind":"%s","name":"%s","model":"TASKalfa 2554ci","serialNumber":"W4X1234567",
                 "hostName":"printer-1.example.com","ipAddress":"192.0.2.10"}""".formatted(code, kind, name)));
    }

    public Registered printer(OrgId org, String name) throws Exception {
        return registered(register(code(org), "PRINTER", name));
    }

    public Registered agent(OrgId org, String name) throws Exception {
        return registered(register(code(org), "AGENT", name));
    }

    /** An agent adds a LAN printer; returns its id. */
    public DeviceId agentPrinter(Registered agent, String name) throws Exception {
        String body = mvc.perform(as(agent.credential(), json(post(API + "/printers"), """
                        {"name":"%s","uri":"ipp://192.0.2.20:631/ipp/print","model":"M","serialNumber":"S",
                         "hostName":"lan-printer","ipAddress":"192.0.2.20"}""".formatted(name))))
                .andReturn().getResponse().getContentAsString();
        return DeviceId.parse(JsonPath.read(body, "$.deviceId"));
    }

    public static MockHttpServletRequestBuilder as(String credential, MockHttpServletRequestBuilder request) {
        return request.header("Authorization", "Bearer " + credential);
    }

    public static Registered registered(ResultActions result) throws Exception {
        var response = result.andReturn().getResponse();
        if (response.getStatus() != 201) {
            throw new AssertionError("registration failed: " + response.getStatus() + " " + response.getContentAsString());
        }
        String body = response.getContentAsString();
        return new Registered(DeviceId.parse(JsonPath.read(body, "$.deviceId")),
                OrgId.parse(JsonPath.read(body, "$.organizationId")), JsonPath.read(body, "$.credential"));
    }

    public record Registered(DeviceId id, OrgId orgId, String credential) {
    }
}
