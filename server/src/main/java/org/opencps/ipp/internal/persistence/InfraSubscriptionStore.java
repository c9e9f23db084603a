package org.opencps.ipp.internal.persistence;

import static org.opencps.ipp.internal.persistence.QueueStore.at;
import static org.opencps.ipp.internal.persistence.QueueStore.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.opencps.platform.ids.DeviceId;
import org.opencps.platform.ids.OrgId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The printer subscriptions of IPP INFRA proxies: who made each, what it asked for, until when it
 * lasts and the last sequence number its events were given. A subscription whose lease has run
 * out is gone, whether or not its row was deleted yet.
 */
@Repository
public class InfraSubscriptionStore {

    public record Row(OrgId orgId, DeviceId deviceId, int id, DeviceId owner, List<String> events, Duration lease,
                      Instant expiresAt, int lastSequence, Instant createdAt) {

        public Row {
            events = List.copyOf(events);
        }

        public boolean liveAt(Instant now) {
            return expiresAt.isAfter(now);
        }
    }

    private static final String LIVE = "org_id = ? AND device_id = ? AND expires_at > ?";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    InfraSubscriptionStore(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /**
     * A new subscription of the printer under the next number it gives out; empty when the printer
     * already has {@code cap} live ones. Taking the number locks the printer's counter row, so
     * concurrent subscriptions of one printer are counted one after the other.
     */
    public Optional<Row> create(OrgId org, DeviceId device, DeviceId owner, List<String> events, Duration lease,
                                Instant now, int cap) {
        ensureCounter(org, device);
        return transactions.execute(status -> {
            jdbc.sql("UPDATE ipp_infra_printer SET last_subscription_id = last_subscription_id + 1 WHERE org_id = ? AND device_id = ?")
                    .params(org.value(), device.value()).update();
            int live = jdbc.sql("SELECT COUNT(*) FROM ipp_infra_subscription WHERE " + LIVE)
                    .params(org.value(), device.value(), at(now)).query(Integer.class).single();
            if (live >= cap) {
                status.setRollbackOnly();
                return Optional.empty();
            }
            jdbc.sql("DELETE FROM ipp_infra_subscription WHERE org_id = ? AND device_id = ? AND expires_at <= ?")
                    .params(org.value(), device.value(), at(now)).update();
            int id = jdbc.sql("SELECT last_subscription_id FROM ipp_infra_printer WHERE org_id = ? AND device_id = ?")
                    .params(org.value(), device.value()).query(Integer.class).single();
            var row = new Row(org, device, id, owner, events, lease, now.plus(lease), 0, now);
            jdbc.sql("""
                            INSERT INTO ipp_infra_subscription (org_id, device_id, subscription_id, owner_device_id, events,
                              lease_seconds, expires_at, last_sequence, created_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?)""")
                    .params(org.value(), device.value(), id, owner.value(), String.join(",", events), (int) lease.toSeconds(),
                            at(row.expiresAt()), at(now)).update();
            return Optional.of(row);
        });
    }

    /** The subscription, if it is still live. */
    public Optional<Row> find(OrgId org, DeviceId device, int id, Instant now) {
        return jdbc.sql("SELECT * FROM ipp_infra_subscription WHERE " + LIVE + " AND subscription_id = ?")
                .params(org.value(), device.value(), at(now), id).query(InfraSubscriptionStore::row).optional();
    }

    /** The printer's live subscriptions made with the credential of {@code owner}. */
    public List<Row> ofOwner(OrgId org, DeviceId device, DeviceId owner, Instant now) {
        return jdbc.sql("SELECT * FROM ipp_infra_subscription WHERE " + LIVE + " AND owner_device_id = ? ORDER BY subscription_id")
                .params(org.value(), device.value(), at(now), owner.value()).query(InfraSubscriptionStore::row).list();
    }

    /** A new lease from {@code now}; false when the subscription is gone. */
    public boolean renew(OrgId org, DeviceId device, int id, Duration lease, Instant now) {
        return jdbc.sql("UPDATE ipp_infra_subscription SET lease_seconds = ?, expires_at = ? WHERE " + LIVE + " AND subscription_id = ?")
                .params((int) lease.toSeconds(), at(now.plus(lease)), org.value(), device.value(), at(now), id).update() == 1;
    }

    /**
     * Takes the next {@code count} sequence numbers of the subscription and answers the last of
     * them; empty when the subscription is gone. Numbers taken are never given out again.
     */
    public OptionalInt takeSequenceNumbers(OrgId org, DeviceId device, int id, int count) {
        Integer last = transactions.execute(status -> {
            int updated = jdbc.sql("""
                            UPDATE ipp_infra_subscription SET last_sequence = last_sequence + ?
                            WHERE org_id = ? AND device_id = ? AND subscription_id = ?""")
                    .params(count, org.value(), device.value(), id).update();
            return updated == 0 ? null : jdbc.sql("""
                            SELECT last_sequence FROM ipp_infra_subscription
                            WHERE org_id = ? AND device_id = ? AND subscription_id = ?""")
                    .params(org.value(), device.value(), id).query(Integer.class).single();
        });
        return last == null ? OptionalInt.empty() : OptionalInt.of(last);
    }

    public boolean delete(OrgId org, DeviceId device, int id) {
        return jdbc.sql("DELETE FROM ipp_infra_subscription WHERE org_id = ? AND device_id = ? AND subscription_id = ?")
                .params(org.value(), device.value(), id).update() == 1;
    }

    /** Deregister-Output-Device: the printer's subscriptions end; its numbers go on from where they were. */
    public void deleteOfPrinter(OrgId org, DeviceId device) {
        jdbc.sql("DELETE FROM ipp_infra_subscription WHERE org_id = ? AND device_id = ?").params(org.value(), device.value()).update();
    }

    /** A device unregistered or removed: the subscriptions of it as a printer, and those made with its credential. */
    public void deleteOfDevice(OrgId org, DeviceId device) {
        jdbc.sql("DELETE FROM ipp_infra_subscription WHERE org_id = ? AND (device_id = ? OR owner_device_id = ?)")
                .params(org.value(), device.value(), device.value()).update();
        jdbc.sql("DELETE FROM ipp_infra_printer WHERE org_id = ? AND device_id = ?").params(org.value(), device.value()).update();
    }

    public void deleteOrganization(OrgId org) {
        jdbc.sql("DELETE FROM ipp_infra_subscription WHERE org_id = ?").param(org.value()).update();
        jdbc.sql("DELETE FROM ipp_infra_printer WHERE org_id = ?").param(org.value()).update();
    }

    /** Housekeeping across organizations: the rows of subscriptions whose lease ran out. */
    public int deleteExpiredAcrossOrganizations(Instant now) {
        return jdbc.sql("DELETE FROM ipp_infra_subscription WHERE expires_at <= ?").param(at(now)).update();
    }

    /** The printer's counter row, made the first time; a concurrent request making it too is no failure. */
    private void ensureCounter(OrgId org, DeviceId device) {
        boolean exists = jdbc.sql("SELECT COUNT(*) FROM ipp_infra_printer WHERE org_id = ? AND device_id = ?")
                .params(org.value(), device.value()).query(Integer.class).single() > 0;
        if (!exists) {
            try {
                jdbc.sql("INSERT INTO ipp_infra_printer (org_id, device_id, last_subscription_id) VALUES (?, ?, 0)")
                        .params(org.value(), device.value()).update();
            } catch (DuplicateKeyException madeMeanwhile) {
                // the other request's row serves as well
            }
        }
    }

    private static Row row(ResultSet rs, int row) throws SQLException {
        return new Row(new OrgId(rs.getObject("org_id", UUID.class)), new DeviceId(rs.getObject("device_id", UUID.class)),
                rs.getInt("subscription_id"), new DeviceId(rs.getObject("owner_device_id", UUID.class)),
                Arrays.asList(rs.getString("events").split(",")), Duration.ofSeconds(rs.getInt("lease_seconds")),
                instant(rs, "expires_at"), rs.getInt("last_sequence"), instant(rs, "created_at"));
    }
}
