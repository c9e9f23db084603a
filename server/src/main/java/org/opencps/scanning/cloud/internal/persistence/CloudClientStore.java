package org.opencps.scanning.cloud.internal.persistence;

import java.util.Optional;
import org.opencps.platform.ids.OrgId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code scanning_cloud_client} table: an organization's own OAuth client per provider, secret sealed. */
@Repository
public class CloudClientStore {

    public record Row(String clientId, String sealedClientSecret) {
    }

    private final JdbcClient jdbc;

    CloudClientStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Row> find(OrgId org, String provider) {
        return jdbc.sql("SELECT client_id, sealed_client_secret FROM scanning_cloud_client WHERE org_id = ? AND provider = ?")
                .params(org.value(), provider)
                .query((rs, i) -> new Row(rs.getString(1), rs.getString(2))).optional();
    }

    public void save(OrgId org, String provider, Row row) {
        delete(org, provider);
        jdbc.sql("INSERT INTO scanning_cloud_client (org_id, provider, client_id, sealed_client_secret) VALUES (?, ?, ?, ?)")
                .params(org.value(), provider, row.clientId(), row.sealedClientSecret()).update();
    }

    public boolean delete(OrgId org, String provider) {
        return jdbc.sql("DELETE FROM scanning_cloud_client WHERE org_id = ? AND provider = ?").params(org.value(), provider).update() == 1;
    }
}
