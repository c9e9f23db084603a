package org.opencps.scanning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencps.testing.Api.json;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.access.Permission;
import org.opencps.access.RoleRef;
import org.opencps.access.Roles;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.opencps.platform.security.ActorAuthentication;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.RowCounts;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Scan settings are customer admins' (settings permissions); the address book and workflows need
 * the scan-workflows permission, which a custom role may carry. Lesser roles and the provider above
 * are refused and change nothing; the settings keep their bounds.
 */
@OpenCpsTest
class ScanAdministrationAccessTest {

    static final String SETTINGS = """
            {"allowedDestinations":["MY_SCANS","BOX"],"directEmailAllowed":true,"retentionHours":%d,
             "maxScanBytes":%d,"attachmentLimitBytes":%d,"boxDirect":%s}""";

    @Autowired MockMvc mvc;
    @Autowired World world;
    @Autowired Roles roles;
    @Autowired JdbcClient jdbc;

    @Test
    void lesserRolesAndTheProviderAboveAreRefusedAndChangeNothing() throws Exception {
        OrgId provider = world.provider(world.root(), "Scan provider");
        OrgId org = world.customer(provider, "Scan admin co");
        Map<String, Integer> before = RowCounts.of(jdbc, "scanning_");
        List<Actor> refused = List.of(world.person(org, FixedRole.CUSTOMER_USER).actor(),
                world.person(org, FixedRole.PRINT_MANAGER).actor(), world.adminOf(provider).actor());
        for (Actor actor : refused) {
            for (var call : adminCalls(org)) {
                int status = mvc.perform(call.with(authentication(new ActorAuthentication(actor)))).andReturn().getResponse().getStatus();
                assertThat(status).as("%s by %s", call, actor).isIn(403, 404);
            }
        }
        assertThat(RowCounts.of(jdbc, "scanning_")).isEqualTo(before);
    }

    @Test
    void aCustomRoleWithTheScanWorkflowsPermissionManagesWorkflowsButNotSettings() throws Exception {
        OrgId org = world.customer(world.root(), "Custom role scan co");
        var admin = world.person(org, FixedRole.CUSTOMER_ADMIN);
        var keeper = world.person(org, FixedRole.CUSTOMER_USER);
        var role = roles.createCustomRole(admin.actor(), org, "Scan keeper", Set.of(Permission.SCAN_WORKFLOWS_MANAGE, Permission.JOBS_OWN));
        roles.setRoles(admin.actor(), org, keeper.userId(), Set.of(role.ref(), RoleRef.of(FixedRole.CUSTOMER_USER)));
        var as = authentication(new ActorAuthentication(keeper.actor()));

        assertThat(status(json(post("/api/v1/organizations/" + org + "/scan-addresses"), "{\"name\":\"Sales\",\"email\":\"sales@example.com\"}").with(as))).isEqualTo(201);
        assertThat(status(json(post("/api/v1/organizations/" + org + "/scan-workflows"), "{\"name\":\"To sales\",\"kind\":\"ADDRESS_BOOK\",\"address\":\"Sales\",\"everyone\":true}").with(as))).isEqualTo(201);
        assertThat(status(json(put("/api/v1/organizations/" + org + "/scan-settings"), SETTINGS.formatted(24, 1048576, 0, false)).with(as))).isEqualTo(403);
    }

    @Test
    void theSettingsKeepTheirBounds() throws Exception {
        OrgId org = world.customer(world.root(), "Bounds scan co");
        var as = authentication(new ActorAuthentication(world.person(org, FixedRole.CUSTOMER_ADMIN).actor()));
        String url = "/api/v1/organizations/" + org + "/scan-settings";

        assertThat(status(json(put(url), SETTINGS.formatted(0, 1048576, 0, false)).with(as))).isEqualTo(422);
        assertThat(status(json(put(url), SETTINGS.formatted(721, 1048576, 0, false)).with(as))).isEqualTo(422);
        assertThat(status(json(put(url), SETTINGS.formatted(24, 65535, 0, false)).with(as))).isEqualTo(422);
        assertThat(status(json(put(url), SETTINGS.formatted(24, 1048576, -1, false)).with(as))).isEqualTo(422);
        assertThat(status(json(put(url), SETTINGS.formatted(24, 1048576, 100L * 1024 * 1024 + 1, false)).with(as))).isEqualTo(422);
        assertThat(status(json(put(url), """
                {"allowedDestinations":["MY_SCANS"],"directEmailAllowed":true,"retentionHours":24,
                 "maxScanBytes":1048576,"attachmentLimitBytes":0,"boxDirect":true}""").with(as))).as("Box direct without Box").isEqualTo(422);
        assertThat(status(json(put(url), SETTINGS.formatted(720, 65536, 100L * 1024 * 1024, true)).with(as))).isEqualTo(200);

        String saved = mvc.perform(get(url).with(as)).andReturn().getResponse().getContentAsString();
        assertThat((Integer) JsonPath.read(saved, "$.retentionHours")).isEqualTo(720);
        assertThat(JsonPath.<List<String>>read(saved, "$.allowedDestinations")).containsExactly("MY_SCANS", "BOX");
        assertThat((Boolean) JsonPath.read(saved, "$.boxDirect")).isTrue();
    }

    private int status(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }

    private static List<MockHttpServletRequestBuilder> adminCalls(OrgId org) {
        String base = "/api/v1/organizations/" + org;
        return List.of(get(base + "/scan-settings"),
                json(put(base + "/scan-settings"), SETTINGS.formatted(24, 1048576, 0, false)),
                get(base + "/scan-addresses"),
                json(post(base + "/scan-addresses"), "{\"name\":\"x\",\"email\":\"x@example.com\"}"),
                get(base + "/scan-workflows"),
                json(post(base + "/scan-workflows"), "{\"name\":\"x\",\"kind\":\"MY_SCANS\",\"everyone\":true}"));
    }
}
