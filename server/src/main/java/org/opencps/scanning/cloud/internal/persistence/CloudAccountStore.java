package org.opencps.scanning.cloud.internal.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.scanning.cloud.CloudService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code scanning_cloud_account} table: one linked account per person and service, tokens sealed. */
@Repository
public class CloudAccountStore {

    public record Row(OrgId org, UserId user, CloudService service, String sealedAccessToken, String sealedRefreshToken,
                      Instant accessExpiresAt, String driveId, Instant linkedAt) {
    }

    private static final String COLUMNS = "org_id, user_id, service, sealed_access_token, sealed_refresh_token, access_expires_at, drive_id, linked_at";

    private final JdbcClient jdbc;

    CloudAccountStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Row> find(OrgId org, UserId user, CloudService service) {
        return select(org, user, service, "");
    }

    /** The row, locked until the transaction ends, so that one process at a time refreshes its tokens. */
    public Optional<Row> findForUpdate(OrgId org, UserId user, CloudService service) {
        return select(org, user, service, " FOR UPDATE");
    }

    private Optional<Row> select(OrgId org, UserId user, CloudService service, String lock) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM scanning_cloud_account WHERE org_id = ? AND user_id = ? AND service = ?" + lock)
                .params(org.value(), user.value(), service.name())
                .query((rs, i) -> row(rs)).optional();
    }

    public List<Row> ofPerson(OrgId org, UserId user) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM scanning_cloud_account WHERE org_id = ? AND user_id = ? ORDER BY service")
                .params(org.value(), user.value())
                .query((rs, i) -> row(rs)).list();
    }

    /** Links the account, replacing an earlier link of the same service. */
    public void save(Row row, Instant now) {
        delete(row.org(), row.user(), row.service());
        jdbc.sql("INSERT INTO scanning_cloud_account (" + COLUMNS + ", refreshed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(row.org().value(), row.user().value(), row.service().name(), row.sealedAccessToken(),
                        row.sealedRefreshToken(), utc(row.accessExpiresAt()), row.driveId(), utc(row.linkedAt()), utc(now))
                .update();
    }

    public void updateTokens(OrgId org, UserId user, CloudService service, String sealedAccessToken, String sealedRefreshToken,
                             Instant accessExpiresAt, Instant now) {
        jdbc.sql("""
                        UPDATE scanning_cloud_account SET sealed_access_token = ?, sealed_refresh_token = ?, access_expires_at = ?,
                        refreshed_at = ? WHERE org_id = ? AND user_id = ? AND service = ?""")
                .params(sealedAccessToken, sealedRefreshToken, utc(accessExpiresAt), utc(now), org.value(), user.value(), service.name())
                .update();
    }

    public boolean updateDrive(OrgId org, UserId user, CloudService service, String driveId) {
        return jdbc.sql("UPDATE scanning_cloud_account SET drive_id = ? WHERE org_id = ? AND user_id = ? AND service = ?")
                .params(driveId, org.value(), user.value(), service.name()).update() == 1;
    }

    public boolean delete(OrgId org, UserId user, CloudService service) {
        return jdbc.sql("DELETE FROM scanning_cloud_account WHERE org_id = ? AND user_id = ? AND service = ?")
                .params(org.value(), user.value(), service.name()).update() == 1;
    }

    private static Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Row(new OrgId(rs.getObject(1, java.util.UUID.class)), new UserId(rs.getObject(2, java.util.UUID.class)),
                CloudService.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5),
                rs.getObject(6, OffsetDateTime.class).toInstant(), rs.getString(7), rs.getObject(8, OffsetDateTime.class).toInstant());
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
