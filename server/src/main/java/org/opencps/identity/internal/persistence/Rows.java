package org.opencps.identity.internal.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.opencps.identity.User;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;

/** Reading and writing the column types the identity tables share. */
final class Rows {

    private Rows() {
    }

    static OffsetDateTime at(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, java.time.ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static UserId userId(ResultSet rs, String column) throws SQLException {
        return new UserId(rs.getObject(column, UUID.class));
    }

    static OrgId orgId(ResultSet rs, String column) throws SQLException {
        return new OrgId(rs.getObject(column, UUID.class));
    }

    static User user(ResultSet rs, int row) throws SQLException {
        return new User(userId(rs, "id"), rs.getString("email"), rs.getString("display_name"),
                rs.getBoolean("email_verified"), instant(rs, "created_at"));
    }
}
