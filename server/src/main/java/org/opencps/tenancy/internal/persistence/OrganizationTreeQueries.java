package org.opencps.tenancy.internal.persistence;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /** A customer somewhere below a provider, with its materialized path. */
    public record CustomerBelow(OrgId id, String path) {
    }

    public List<CustomerBelow> customersBelow(String providerPath) {
        return jdbc.sql("SELECT id, path FROM tenancy_organization WHERE kind = 'CUSTOMER' AND path LIKE ?")
                .param(providerPath + "%")
                .query((rs, i) -> new CustomerBelow(new OrgId(rs.getObject("id", UUID.class)), rs.getString("path")))
                .list();
    }

    /** The device limit of every licensed customer below a provider. */
    public Map<OrgId, Long> deviceLimitsBelow(String providerPath) {
        Map<OrgId, Long> limits = new HashMap<>();
        jdbc.sql("""
                        SELECT l.org_id, l.device_limit FROM tenancy_license l
                        JOIN tenancy_organization o ON o.id = l.org_id
                        WHERE o.kind = 'CUSTOMER' AND o.path LIKE ?""")
                .param(providerPath + "%")
                .query(rs -> {
                    limits.put(new OrgId(rs.getObject("org_id", UUID.class)), rs.getLong("device_limit"));
                });
        return limits;
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
