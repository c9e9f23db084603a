package org.opencps.tenancy.internal.persistence;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;
import org.opencps.tenancy.Organization;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The reads that span organizations: a subtree for the license roll-up, the whole tree for the
 * root provider, and the organizations whose retention ended. Callers decide access first.
 */
@Repository
public class OrganizationTreeQueries {

    private final JdbcClient jdbc;
    private final Clock clock;

    OrganizationTreeQueries(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A customer somewhere below a provider, with its materialized path and its device limit (0 without a license). */
    public record CustomerBelow(OrgId id, String path, long deviceLimit) {
    }

    public List<CustomerBelow> customersBelow(String providerPath) {
        return jdbc.sql("""
                        SELECT o.id, o.path, l.device_limit FROM tenancy_organization o
                        LEFT JOIN tenancy_license l ON l.org_id = o.id
                        WHERE o.kind = 'CUSTOMER' AND o.path LIKE ?""")
                .param(providerPath + "%")
                .query((rs, i) -> new CustomerBelow(new OrgId(rs.getObject("id", UUID.class)), rs.getString("path"),
                        rs.getLong("device_limit")))
                .list();
    }

    /** Every organization of the tree, for the root provider's view. */
    public List<Organization> everyOrganization() {
        return jdbc.sql("SELECT * FROM tenancy_organization ORDER BY name")
                .query(OrganizationStore::organization).list();
    }

    /** Organizations discontinued at or before the cutoff, deepest first so children go before parents. */
    public List<OrgId> discontinuedAtOrBefore(Instant cutoff) {
        return jdbc.sql("""
                        SELECT id FROM tenancy_organization
                        WHERE status = 'DISCONTINUED' AND discontinued_at <= ?
                        ORDER BY LENGTH(path) DESC, discontinued_at""")
                .param(OffsetDateTime.ofInstant(cutoff, clock.getZone()))
                .query((rs, i) -> new OrgId(rs.getObject("id", UUID.class)))
                .list();
    }
}
