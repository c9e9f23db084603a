package org.opencps.scanning;

import static org.opencps.devices.DeviceKit.API;
import static org.opencps.devices.DeviceKit.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import java.util.UUID;
import org.opencps.access.FixedRole;
import org.opencps.devices.DeviceKit;
import org.opencps.platform.ids.OrgId;
import org.opencps.testing.Api;
import org.opencps.testing.World;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** A customer with a printer and people logged in at it, scanning through the Device API as a device does. */
@Component
@TestComponent
public class ScanKit {

    private final MockMvc mvc;
    private final World world;
    private final DeviceKit devices;
    private final JdbcClient jdbc;

    ScanKit(MockMvc mvc, World world, DeviceKit devices, JdbcClient jdbc) {
        this.mvc = mvc;
        this.world = world;
        this.devices = devices;
        this.jdbc = jdbc;
    }

    /** A new customer organization with a printer. */
    public Site site(String name) throws Exception {
        OrgId org = world.customer(world.root(), name);
        DeviceKit.Registered printer = devices.printer(org, name + " printer");
        return new Site(org, printer);
    }

    /** A person of the site, logged in at its printer. */
    public Scanner scanner(Site site, FixedRole role) throws Exception {
        World.Person person = world.person(site.org(), role);
        String session = devices.pinSession(site.printer(), site.printer().id(), person);
        return new Scanner(site, person, session);
    }

    public Cookie portal(World.Person person) throws Exception {
        return Api.login(mvc, person.email(), World.PASSWORD);
    }

    /** Uploads {@code body} as {@code contentType} with the parameters (like "to=me&address=Sales", not URL-encoded). */
    public MvcResult upload(Scanner scanner, String query, String contentType, byte[] body) throws Exception {
        return mvc.perform(uploadRequest(scanner, query, contentType, body, (long) body.length)).andReturn();
    }

    /** {@code declaredLength} goes into Content-Length (null: none, as with a chunked body). */
    public MockHttpServletRequestBuilder uploadRequest(Scanner scanner, String query, String contentType, byte[] body,
                                                       Long declaredLength) {
        var request = post(API + "/devices/" + scanner.site().printer().id() + "/sessions/current/scans")
                .header("X-OpenCPS-Session", scanner.session())
                .contentType(contentType).content(body);
        if (declaredLength != null) {
            request.header(HttpHeaders.CONTENT_LENGTH, declaredLength);
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                request.param(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return as(scanner.site().printer().credential(), request);
    }

    /** Uploads and expects 202; answers the scan id. */
    public UUID accepted(Scanner scanner, String query, String contentType, byte[] body) throws Exception {
        var response = upload(scanner, query, contentType, body).getResponse();
        if (response.getStatus() != 202) {
            throw new AssertionError("upload refused: " + response.getStatus() + " " + response.getContentAsString());
        }
        return UUID.fromString(JsonPath.read(response.getContentAsString(), "$.id"));
    }

    /** The scan's state as the device sees it when it polls. */
    public String polledState(Scanner scanner, UUID scan) throws Exception {
        var response = mvc.perform(as(scanner.site().printer().credential(),
                get(API + "/devices/" + scanner.site().printer().id() + "/sessions/current/scans/" + scan)
                        .header("X-OpenCPS-Session", scanner.session()))).andReturn().getResponse();
        if (response.getStatus() != 200) {
            throw new AssertionError("poll failed: " + response.getStatus() + " " + response.getContentAsString());
        }
        return JsonPath.read(response.getContentAsString(), "$.state");
    }

    public int scanRows(OrgId org) {
        return jdbc.sql("SELECT COUNT(*) FROM scanning_scan WHERE org_id = ?").param(org.value()).query(Integer.class).single();
    }

    public int audited(String type, OrgId org) {
        return devices.audited(type, org);
    }

    public record Site(OrgId org, DeviceKit.Registered printer) {
    }

    public record Scanner(Site site, World.Person person, String session) {
    }
}
