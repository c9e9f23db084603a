package org.opencps.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.platform.security.Actor;
import org.opencps.tenancy.TenancyFixtures.Org;
import org.opencps.testing.OpenCpsTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Every tenancy route, called with another tenant's ids: a sibling provider and a customer admin
 * get 404 and change nothing; a provider sees its direct child but gets 403 where its role stops.
 */
@OpenCpsTest
@Import(TenancyTestSupport.class)
class TenantIsolationTest {

    /** One route of the tenancy API, with a body that would be valid for it. */
    record Route(HttpMethod method, String path, String body) {
    }

    static final List<Route> ROUTES = List.of(
            new Route(HttpMethod.GET, "/api/v1/organizations/{id}", null),
            new Route(HttpMethod.PATCH, "/api/v1/organizations/{id}", "{\"name\":\"Taken over\"}"),
            new Route(HttpMethod.GET, "/api/v1/organizations/{id}/children", null),
            new Route(HttpMethod.POST, "/api/v1/organizations/{id}/children", OrganizationsApiTest.customer("Intruder", 1)),
            new Route(HttpMethod.GET, "/api/v1/organizations/{id}/license", null),
            new Route(HttpMethod.PUT, "/api/v1/organizations/{id}/license", OrganizationsApiTest.license(999, "stolen")),
            new Route(HttpMethod.GET, "/api/v1/organizations/{id}/settings", null),
            new Route(HttpMethod.PUT, "/api/v1/organizations/{id}/settings",
                    "{\"idleLogoutMinutes\":1,\"jobRetentionHours\":1}"),
            new Route(HttpMethod.POST, "/api/v1/organizations/{id}/discontinue", null),
            new Route(HttpMethod.POST, "/api/v1/organizations/{id}/reactivate", null),
            new Route(HttpMethod.POST, "/api/v1/organizations/{id}/purge", "{\"confirmName\":\"%s\"}"),
            new Route(HttpMethod.GET, "/api/v1/organizations/{id}/license-report", null),
            new Route(HttpMethod.GET, "/api/v1/organizations/{id}/tree", null),
            new Route(HttpMethod.PUT, "/api/v1/organizations/{id}/regions/eu/links", "{\"eulaUrl\":\"https://evil.example/\"}"));

    @Autowired
    MockMvc mvc;
    @Autowired
    TenancyFixtures fixtures;
    @Autowired
    Organizations organizations;

    Org root;
    Org p1;
    Org p2;
    Org c1;
    Org c2;

    @BeforeEach
    void tree() {
        fixtures.reset();
        root = fixtures.root("Root");
        p1 = fixtures.provider(root, "Provider 1");
        p2 = fixtures.provider(root, "Provider 2");
        c1 = fixtures.customer(p1, "Customer 1", 5);
        c2 = fixtures.customer(p2, "Customer 2", 5);
    }

    @Test
    void aSiblingProviderGets404OnEveryRouteAndChangesNothing() throws Exception {
        for (Org target : new Org[] {p1, c1}) {
            expectOnEveryRoute(p2.admin(), target, 404);
        }
        assertUnchanged();
    }

    @Test
    void aCustomerAdminGets404ForAnyOtherOrganization() throws Exception {
        for (Org target : new Org[] {c2, p1, root}) {
            expectOnEveryRoute(c1.admin(), target, 404);
        }
        assertUnchanged();
    }

    @Test
    void aProviderSeesItsDirectChildButGets403WhereItsRoleStops() throws Exception {
        expect(p1.admin(), c1, route(HttpMethod.GET, "/api/v1/organizations/{id}"), 200);
        expect(p1.admin(), c1, route(HttpMethod.GET, "/api/v1/organizations/{id}/license"), 200);
        for (String path : new String[] {"/children", "/settings", "/license-report", "/tree"}) {
            expect(p1.admin(), c1, route(HttpMethod.GET, "/api/v1/organizations/{id}" + path), 403);
        }
        expect(p1.admin(), c1, route(HttpMethod.PUT, "/api/v1/organizations/{id}/settings"), 403);
        expect(p1.admin(), c1, route(HttpMethod.POST, "/api/v1/organizations/{id}/children"), 403);
        expect(p1.admin(), c1, route(HttpMethod.PUT, "/api/v1/organizations/{id}/regions/eu/links"), 403);
        assertUnchanged();
    }

    @Test
    void providerSupportCannotManageTheOrganizationsBelow() throws Exception {
        Actor support = fixtures.member(p1, FixedRole.PROVIDER_SUPPORT);
        for (Route route : ROUTES) {
            boolean reads = route.method() == HttpMethod.GET && route.path().endsWith("{id}");
            expect(support, c1, route, reads ? 200 : 403);
        }
        assertUnchanged();
    }

    @Test
    void aCustomerAdminCannotManageItsOwnOrganizationsPlaceInTheTree() throws Exception {
        for (String path : new String[] {"", "/discontinue", "/purge"}) {
            Route route = ROUTES.stream().filter(r -> r.method() != HttpMethod.GET
                    && r.path().equals("/api/v1/organizations/{id}" + path)).findFirst().orElseThrow();
            expect(c1.admin(), c1, route, 403);
        }
        expect(c1.admin(), c1, route(HttpMethod.PUT, "/api/v1/organizations/{id}/license"), 403);
        assertUnchanged();
    }

    @Test
    void everyRouteNeedsALogin() throws Exception {
        for (Route route : ROUTES) {
            mvc.perform(request(route, c1)).andExpect(status().isUnauthorized());
        }
        assertUnchanged();
    }

    private void expectOnEveryRoute(Actor actor, Org target, int expected) throws Exception {
        for (Route route : ROUTES) {
            expect(actor, target, route, expected);
        }
    }

    private void expect(Actor actor, Org target, Route route, int expected) throws Exception {
        int actual = mvc.perform(request(route, target).with(TenancyFixtures.as(actor))).andReturn().getResponse().getStatus();
        assertThat(actual).as("%s %s on %s", route.method(), route.path(), target.name()).isEqualTo(expected);
    }

    private static MockHttpServletRequestBuilder request(Route route, Org target) {
        var request = MockMvcRequestBuilders.request(route.method(), route.path(), target.id());
        if (route.body() != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(route.body().formatted(target.name()));
        }
        return request;
    }

    private static Route route(HttpMethod method, String path) {
        return ROUTES.stream().filter(r -> r.method() == method && r.path().equals(path)).findFirst().orElseThrow();
    }

    private void assertUnchanged() {
        for (Org org : new Org[] {root, p1, p2, c1, c2}) {
            Organization now = organizations.find(org.id()).orElseThrow();
            assertThat(now.name()).isEqualTo(org.name());
            assertThat(now.active()).isTrue();
            assertThat(organizations.settingsOf(org.id())).isEqualTo(OrganizationSettings.defaults());
        }
        assertThat(organizations.children(p1.admin(), p1.id())).extracting(Organization::name).containsExactly("Customer 1");
        assertThat(organizations.children(p2.admin(), p2.id())).extracting(Organization::name).containsExactly("Customer 2");
        assertThat(organizations.license(p1.admin(), c1.id()).deviceLimit()).isEqualTo(5);
    }
}
