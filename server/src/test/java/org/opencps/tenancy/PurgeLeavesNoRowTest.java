package org.opencps.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencps.testing.Eventually.allEventsDelivered;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.access.Permission;
import org.opencps.access.Roles;
import org.opencps.platform.ids.OrgId;
import org.opencps.tenancy.TenancyFixtures.Org;
import org.opencps.tenancy.internal.offboarding.ExpiredOrganizationsPurgeJob;
import org.opencps.testing.MutableClock;
import org.opencps.testing.OpenCpsTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/** After a purge no table holds a row of the organization; its siblings keep all of theirs. */
@OpenCpsTest
@Import(TenancyTestSupport.class)
class PurgeLeavesNoRowTest {

    @Autowired
    TenancyFixtures fixtures;
    @Autowired
    Organizations organizations;
    @Autowired
    Roles roles;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;
    @Autowired
    ExpiredOrganizationsPurgeJob purgeJob;
    @Autowired
    TenancyTestSupport.OtherModuleData otherModule;

    /** The tables this test gives the organization rows in (the identity module is not there yet). */
    static final Set<String> WRITTEN = Set.of("tenancy_organization", "tenancy_license", "tenancy_settings",
            "access_role_assignment", "access_custom_role", TenancyTestSupport.OtherModuleData.TABLE);

    Org sales;
    Org acme;
    Org beta;

    @BeforeEach
    void tree() {
        fixtures.reset();
        Org root = fixtures.root("Root");
        sales = fixtures.provider(root, "Sales");
        acme = withData(fixtures.customer(sales, "Acme", 5));
        beta = withData(fixtures.customer(sales, "Beta", 5));
        // their first licenses reach the audit trail after commit: let them land before counting rows
        allEventsDelivered(jdbc);
    }

    @Test
    void anImmediatePurgeLeavesNoRowWithTheOrganizationsId() {
        Map<String, Long> betaBefore = rowsOf(jdbc, beta.id());
        assertHasRowsInEveryWrittenTable(acme.id());

        organizations.purgeNow(sales.admin(), acme.id(), "Acme");

        assertThat(rowsOf(jdbc, acme.id())).allSatisfy((table, rows) -> assertThat(rows).as(table).isZero());
        assertThat(rowsOf(jdbc, beta.id())).isEqualTo(betaBefore);
    }

    @Test
    void thePurgeAfterTheRetentionPeriodLeavesNoRowEither() {
        organizations.discontinue(sales.admin(), acme.id());
        clock.advance(Duration.ofDays(90));
        purgeJob.purgeExpiredOrganizations();

        assertThat(rowsOf(jdbc, acme.id())).allSatisfy((table, rows) -> assertThat(rows).as(table).isZero());
        assertHasRowsInEveryWrittenTable(beta.id());
    }

    @Test
    void everyTableWithAnOrganizationColumnIsChecked() {
        assertThat(rowsOf(jdbc, acme.id())).containsKeys("tenancy_organization", "tenancy_license", "tenancy_settings",
                "access_role_assignment", "access_custom_role", "identity_membership", "audit_event",
                TenancyTestSupport.OtherModuleData.TABLE);
    }

    private void assertHasRowsInEveryWrittenTable(OrgId org) {
        Map<String, Long> rows = rowsOf(jdbc, org);
        assertThat(WRITTEN).allSatisfy(table -> assertThat(rows.get(table)).as(table).isPositive());
    }

    /** Gives the organization a row in every table this module, access and the stand-in module keep. */
    private Org withData(Org org) {
        fixtures.member(org, FixedRole.CUSTOMER_USER);
        roles.createCustomRole(org.admin(), org.id(), "Helpdesk", Set.of(Permission.DEVICES_VIEW));
        otherModule.insert(org.id(), "document");
        return org;
    }

    /**
     * How many rows of the organization each table holds: every table with an {@code org_id}
     * column, found in INFORMATION_SCHEMA, and the organization's own row and child rows in the tree.
     */
    static Map<String, Long> rowsOf(JdbcClient jdbc, OrgId org) {
        Map<String, Long> rows = new TreeMap<>();
        var tables = jdbc.sql("""
                        SELECT DISTINCT table_name FROM information_schema.columns
                        WHERE LOWER(column_name) = 'org_id' AND LOWER(table_schema) = 'public'""")
                .query(String.class).list();
        for (String table : tables) {
            rows.put(table.toLowerCase(), jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE org_id = ?")
                    .param(org.value()).query(Long.class).single());
        }
        rows.put("tenancy_organization", jdbc.sql("SELECT COUNT(*) FROM tenancy_organization WHERE id = ? OR parent_id = ?")
                .params(org.value(), org.value()).query(Long.class).single());
        return rows;
    }
}
