package org.opencps.scanning.cloud.internal.persistence;

import static org.opencps.scanning.cloud.internal.persistence.CloudAccountStore.utc;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.scanning.cloud.CloudService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code scanning_cloud_upload} table: the upload session begun for a delivery and the offset
 * the service confirmed, so that the next attempt resumes it. The row's owner columns are checked
 * on every read: a delivery key never resumes a session of another person or service.
 */
@Repository
public class CloudUploadStore {

    public record Row(String deliveryKey, String sessionUrl, long confirmedOffset, int failedAttempts) {
    }

    private final JdbcClient jdbc;

    CloudUploadStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Row> find(OrgId org, UserId user, CloudService service, String deliveryKey) {
        return jdbc.sql("""
                        SELECT session_url, confirmed_offset, failed_attempts FROM scanning_cloud_upload
                        WHERE delivery_key = ? AND org_id = ? AND user_id = ? AND service = ?""")
                .params(deliveryKey, org.value(), user.value(), service.name())
                .query((rs, i) -> new Row(deliveryKey, rs.getString(1), rs.getLong(2), rs.getInt(3))).optional();
    }

    /** Records the session and confirmed offset (creating the row on the first attempt). */
    public void save(OrgId org, UserId user, CloudService service, String deliveryKey, String sessionUrl, long confirmedOffset,
                     int failedAttempts, Instant now) {
        int updated = jdbc.sql("""
                        UPDATE scanning_cloud_upload SET session_url = ?, confirmed_offset = ?, failed_attempts = ?, updated_at = ?
                        WHERE delivery_key = ? AND org_id = ? AND user_id = ? AND service = ?""")
                .params(sessionUrl, confirmedOffset, failedAttempts, utc(now), deliveryKey, org.value(), user.value(), service.name())
                .update();
        if (updated == 0) {
            jdbc.sql("""
                            INSERT INTO scanning_cloud_upload (delivery_key, org_id, user_id, service, session_url, confirmed_offset,
                            failed_attempts, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(deliveryKey, org.value(), user.value(), service.name(), sessionUrl, confirmedOffset, failedAttempts,
                            utc(now), utc(now))
                    .update();
        }
    }

    public void delete(OrgId org, String deliveryKey) {
        jdbc.sql("DELETE FROM scanning_cloud_upload WHERE delivery_key = ? AND org_id = ?").params(deliveryKey, org.value()).update();
    }

    /**
     * Deletes the rows of deliveries that no longer go on: not touched since {@code before}, and no
     * scan still waiting for delivery under their key (the scan failed for good, was delivered,
     * deleted or expired, or the key was never a scan's). Answers how many went.
     */
    public int deleteAbandoned(Instant before) {
        return jdbc.sql("""
                        DELETE FROM scanning_cloud_upload WHERE updated_at < ? AND NOT EXISTS (
                        SELECT 1 FROM scanning_scan s WHERE s.org_id = scanning_cloud_upload.org_id
                        AND CAST(s.id AS VARCHAR(36)) = scanning_cloud_upload.delivery_key AND s.state = 'PENDING')""")
                .param(before.atOffset(ZoneOffset.UTC)).update();
    }
}
