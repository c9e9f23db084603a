package org.opencps.devices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opencps.access.FixedRole;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.opencps.platform.security.ActorAuthentication;
import org.opencps.printing.DocumentFormat;
import org.opencps.printing.JobTicket;
import org.opencps.printing.PrintJobs;
import org.opencps.printing.SampleDocuments;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The PRODUCT.md §2 devices column, through the routes: admins and support of the provider
 * directly above a customer see and manage its devices but never its users or jobs; print managers
 * and customer users see no devices; nobody further away learns the devices exist.
 *
 * Tree: R ─┬─ P ─┬─ C    (C has a printer, a person with a job)
 *          │     └─ C2
 *          └─ P2
 */
@OpenCpsTest
@Import(DeviceKit.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeviceAccessTest {

    @Autowired MockMvc mvc;
    @Autowired World world;
    @Autowired DeviceKit kit;
    @Autowired PrintJobs printJobs;

    OrgId p;
    OrgId c;
    final Map<String, Actor> actors = new LinkedHashMap<>();
    final Map<String, String> routes = new LinkedHashMap<>();

    @BeforeAll
    void tree() throws Exception {
        p = world.provider(world.root(), "Access P");
        OrgId p2 = world.provider(world.root(), "Access P2");
        c = world.customer(p, "Access C");
        OrgId c2 = world.customer(p, "Access C2");
        var printer = kit.printer(c, "Visible");
        var person = world.person(c, FixedRole.CUSTOMER_USER);
        var job = printJobs.submit(person.actor(), new JobTicket("secret.pdf", DocumentFormat.PDF, 1, null, null, null, null),
                new ByteArrayInputStream(SampleDocuments.pdf(1)));

        actors.put("provider admin of the parent", world.person(p, FixedRole.PROVIDER_ADMIN).actor());
        actors.put("provider support of the parent", world.person(p, FixedRole.PROVIDER_SUPPORT).actor());
        actors.put("root admin (grandparent)", world.rootAdmin().actor());
        actors.put("provider admin of a sibling provider", world.person(p2, FixedRole.PROVIDER_ADMIN).actor());
        actors.put("customer admin", world.person(c, FixedRole.CUSTOMER_ADMIN).actor());
        actors.put("print manager", world.person(c, FixedRole.PRINT_MANAGER).actor());
        actors.put("customer user", world.person(c, FixedRole.CUSTOMER_USER).actor());
        actors.put("customer admin of a sibling", world.person(c2, FixedRole.CUSTOMER_ADMIN).actor());

        String devices = "/api/v1/organizations/" + c + "/devices";
        routes.put("list devices", "GET " + devices);
        routes.put("device detail", "GET " + devices + "/" + printer.id());
        routes.put("QR code", "GET " + devices + "/" + printer.id() + "/qr.png");
        routes.put("baseline", "GET " + devices + "/baseline");
        routes.put("device groups", "GET " + devices + "/groups");
        routes.put("activation codes", "GET " + devices + "/activation-codes");
        routes.put("users", "GET /api/v1/organizations/" + c + "/members");
        routes.put("a person's job", "GET /api/v1/jobs/" + job.id());
    }

    /** Expected status per actor, one per route in the order above. */
    static final Map<String, List<Integer>> EXPECTED = Map.of(
            "provider admin of the parent", List.of(200, 200, 200, 200, 200, 200, 403, 404),
            "provider support of the parent", List.of(200, 200, 200, 200, 200, 200, 403, 404),
            "root admin (grandparent)", List.of(404, 404, 404, 404, 404, 404, 404, 404),
            "provider admin of a sibling provider", List.of(404, 404, 404, 404, 404, 404, 404, 404),
            "customer admin", List.of(200, 200, 200, 200, 200, 200, 200, 404),
            "print manager", List.of(403, 403, 403, 403, 403, 403, 403, 404),
            "customer user", List.of(403, 403, 403, 403, 403, 403, 403, 404),
            "customer admin of a sibling", List.of(404, 404, 404, 404, 404, 404, 404, 404));

    @Test
    void everyRoleSeesDevicesExactlyAsTheAccessTableSays() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (var actor : actors.entrySet()) {
            List<Integer> expected = EXPECTED.get(actor.getKey());
            int i = 0;
            for (var route : routes.entrySet()) {
                String[] parts = route.getValue().split(" ");
                int status = mvc.perform(request(HttpMethod.valueOf(parts[0]), parts[1])
                        .with(authentication(new ActorAuthentication(actor.getValue())))).andReturn().getResponse().getStatus();
                if (status != expected.get(i)) {
                    wrong.add(actor.getKey() + " / " + route.getKey() + ": " + status + " instead of " + expected.get(i));
                }
                i++;
            }
        }
        assertThat(wrong).as("cells that differ").isEmpty();
    }

    @Test
    void theProviderAboveRegistersDevicesForItsCustomerButSupportCannotRemoveThem() throws Exception {
        Actor support = actors.get("provider support of the parent");
        Actor admin = actors.get("provider admin of the parent");
        String codes = "/api/v1/organizations/" + c + "/devices/activation-codes";
        assertThat(status(support, HttpMethod.POST, codes, "{}")).isEqualTo(201);
        assertThat(status(admin, HttpMethod.POST, codes, "{\"note\":\"for the customer\"}")).isEqualTo(201);
        assertThat(status(actors.get("print manager"), HttpMethod.POST, codes, "{}")).isEqualTo(403);
        assertThat(status(actors.get("root admin (grandparent)"), HttpMethod.POST, codes, "{}")).isEqualTo(404);

        var printer = kit.printer(c, "Removable");
        String device = "/api/v1/organizations/" + c + "/devices/" + printer.id();
        assertThat(status(support, HttpMethod.PATCH, device, "{\"location\":\"Lobby\"}")).isEqualTo(200);
        assertThat(status(support, HttpMethod.DELETE, device, null)).isEqualTo(403);
        assertThat(status(actors.get("customer user"), HttpMethod.POST, device + "/unregister", null)).isEqualTo(403);
        assertThat(status(support, HttpMethod.POST, device + "/unregister", null)).isEqualTo(200);
        assertThat(status(admin, HttpMethod.DELETE, device, null)).isEqualTo(204);
        // a provider has no devices of its own
        assertThat(status(admin, HttpMethod.POST, "/api/v1/organizations/" + p + "/devices/activation-codes", "{}")).isEqualTo(422);
        assertThat(mvc.perform(get("/api/v1/organizations/" + p + "/devices")
                .with(authentication(new ActorAuthentication(admin)))).andReturn().getResponse().getContentAsString()).isEqualTo("[]");
    }

    private int status(Actor actor, HttpMethod method, String url, String body) throws Exception {
        var call = request(method, url).with(authentication(new ActorAuthentication(actor)));
        if (body != null) {
            call.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return mvc.perform(call).andReturn().getResponse().getStatus();
    }
}
