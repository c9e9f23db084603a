package org.opencps.tenancy;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

import java.time.LocalDate;
import java.util.Set;
import org.opencps.access.FixedRole;
import org.opencps.access.RoleRef;
import org.opencps.access.Roles;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.OrgKind;
import org.opencps.platform.ids.UserId;
import org.opencps.platform.security.Actor;
import org.opencps.platform.security.ActorAuthentication;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Builds organization trees with an admin in each, and empties the tables between tests. */
@TestComponent
public class TenancyFixtures {

    /** An organization and one admin working in it. */
    public record Org(OrgId id, String name, Actor admin) {

        public RequestPostProcessor asAdmin() {
            return as(admin);
        }
    }

    private final Organizations organizations;
    private final Roles roles;
    private final JdbcClient jdbc;
    private final TenancyTestSupport.Usage usage;
    private final TenancyTestSupport.OtherModuleData otherModule;

    TenancyFixtures(Organizations organizations, Roles roles, JdbcClient jdbc, TenancyTestSupport.Usage usage,
                    TenancyTestSupport.OtherModuleData otherModule) {
        this.organizations = organizations;
        this.roles = roles;
        this.jdbc = jdbc;
        this.usage = usage;
        this.otherModule = otherModule;
    }

    public static RequestPostProcessor as(Actor actor) {
        return authentication(new ActorAuthentication(actor));
    }

    public static License license(int devices) {
        return new License(devices, "standard", LocalDate.of(2026, 1, 1), LocalDate.of(2027, 12, 31));
    }

    /**
     * Empties every table the tenancy tests write, so each test starts from an empty tree. The
     * shedlock table stays: ShedLock remembers which lock rows it created and only updates them.
     */
    public void reset() {
        otherModule.createTable();
        otherModule.failFor = null;
        otherModule.purged.clear();
        usage.clear();
        for (String table : new String[] {TenancyTestSupport.OtherModuleData.TABLE, "access_role_assignment",
                "access_custom_role", "tenancy_region_link", "tenancy_settings", "tenancy_license"}) {
            jdbc.sql("DELETE FROM " + table).update();
        }
        jdbc.sql("UPDATE tenancy_organization SET parent_id = NULL").update();
        jdbc.sql("DELETE FROM tenancy_organization").update();
    }

    public Org root(String name) {
        Organization root = organizations.bootstrapRoot(name);
        return withAdmin(root.id(), root.name(), FixedRole.PROVIDER_ADMIN);
    }

    public Org provider(Org parent, String name) {
        Organization org = organizations.create(parent.admin(), parent.id(), new NewOrganization(OrgKind.PROVIDER, name, null));
        return withAdmin(org.id(), name, FixedRole.PROVIDER_ADMIN);
    }

    public Org customer(Org parent, String name, int devices) {
        Organization org = organizations.create(parent.admin(), parent.id(),
                new NewOrganization(OrgKind.CUSTOMER, name, license(devices)));
        return withAdmin(org.id(), name, FixedRole.CUSTOMER_ADMIN);
    }

    /** Another person in the organization, holding just this role. */
    public Actor member(Org org, FixedRole role) {
        var actor = new Actor(UserId.random(), org.id());
        roles.grant(org.id(), actor.userId(), Set.of(RoleRef.of(role)));
        return actor;
    }

    private Org withAdmin(OrgId id, String name, FixedRole role) {
        var admin = new Actor(UserId.random(), id);
        roles.grant(id, admin.userId(), Set.of(RoleRef.of(role)));
        return new Org(id, name, admin);
    }
}
