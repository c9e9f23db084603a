package org.opencps.scanning.cloud.internal.persistence;

import static org.opencps.scanning.cloud.internal.persistence.CloudAccountStore.utc;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.scanning.cloud.CloudService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code scanning_cloud_link} table: links begun, found by their state's keyed hash and consumed once. */
@Repository
public class CloudLinkStore {

    public record Row(OrgId org, UserId user, CloudService service, String sealedVerifier, Instant createdAt) {
    }

    private final JdbcClient jdbc;

    CloudLinkStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(String stateHash, Row row) {
        jdbc.sql("""
                        INSERT INTO scanning_cloud_link (state_hash, org_id, user_id, service, sealed_verifier, created_at)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .params(stateHash, row.org().value(), row.user().value(), row.service().name(), row.sealedVerifier(), utc(row.createdAt()))
                .update();
    }

    public Optional<Row> find(String stateHash) {
        return jdbc.sql("SELECT org_id, user_id, service, sealed_verifier, created_at FROM scanning_cloud_link WHERE state_hash = ?")
                .param(stateHash)
                .query((rs, i) -> new Row(new OrgId(rs.getObject(1, UUID.class)), new UserId(rs.getObject(2, UUID.class)),
                        CloudService.valueOf(rs.getString(3)), rs.getString(4), rs.getObject(5, OffsetDateTime.class).toInstant()))
                .optional();
    }

    /** The link begun with this state, removed so that it is used once (by one process only). */
    public Optional<Row> take(String stateHash) {
        Optional<Row> row = jdbc.sql("SELECT org_id, user_id, service, sealed_verifier, created_at FROM scanning_cloud_link WHERE state_hash = ?")
                .param(stateHash)
                .query((rs, i) -> new Row(new OrgId(rs.getObject(1, UUID.class)), new UserId(rs.getObject(2, UUID.class)),
                        CloudService.valueOf(rs.getString(3)), rs.getString(4), rs.getObject(5, OffsetDateTime.class).toInstant()))
                .optional();
        boolean mine = row.isPresent()
                && jdbc.sql("DELETE FROM scanning_cloud_link WHERE state_hash = ?").param(stateHash).update() == 1;
        return mine ? row : Optional.empty();
    }

    public void deleteOlderThan(Instant cutoff) {
        jdbc.sql("DELETE FROM scanning_cloud_link WHERE created_at < ?").param(utc(cutoff)).update();
    }
}
