package org.opencps.devices.internal.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.opencps.platform.ids.DeviceId;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;

/** Reading and writing the column types the devices tables share. */
final class Rows {

    private Rows() {
    }

    static OffsetDateTime at(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static OrgId orgId(ResultSet rs, String column) throws SQLException {
        return OrgId.of(rs.getObject(column, UUID.class));
    }

    static DeviceId deviceId(ResultSet rs, String column) throws SQLException {
        return DeviceId.of(rs.getObject(column, UUID.class));
    }

    static UserId userId(ResultSet rs, String column) throws SQLException {
        UUID value = rs.getObject(column, UUID.class);
        return value == null ? null : new UserId(value);
    }

    static Boolean bool(ResultSet rs, String column) throws SQLException {
        boolean value = rs.getBoolean(column);
        return rs.wasNull() ? null : value;
    }

    static Long number(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    static UUID uuid(DeviceId id) {
        return id == null ? null : id.value();
    }
}
