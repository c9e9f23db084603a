package org.opencps.ipp.internal.persistence;

import static org.opencps.ipp.internal.persistence.QueueStore.at;
import static org.opencps.ipp.internal.persistence.QueueStore.instant;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.opencps.platform.ids.DeviceId;
import org.opencps.platform.ids.OrgId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The events of INFRA printer subscriptions, in the database so that every server process answers
 * Get-Notifications alike. Announcing locks the subscription's row: processes announce one after
 * the other, each seeing what the one before wrote.
 */
@Repository
public class InfraEventStore {

    /** One event of a subscription, as Get-Notifications reports it. */
    public record Event(int subscription, int sequence, String kind, int jobNumber, Instant at) {
    }

    /** A subscription's key: the printer's organization and device, and its number. */
    public record Subscription(OrgId org, DeviceId device, int id) {
    }

    private static final String OF_SUBSCRIPTION = "org_id = ? AND device_id = ? AND subscription_id = ?";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    InfraEventStore(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /**
     * Records a {@code kind} event for each job number of {@code current} (read once the
     * subscription's row is locked) that has none still announced, under the next sequence numbers,
     * and ends the announcement of jobs no longer in it. Keeps the newest {@code kept} events.
     * Nothing when the subscription is gone.
     */
    public void announce(Subscription subscription, String kind, Supplier<List<Integer>> current, Instant now, int kept) {
        transactions.executeWithoutResult(status -> {
            Integer last = jdbc.sql("SELECT last_sequence FROM ipp_infra_subscription WHERE " + OF_SUBSCRIPTION + " FOR UPDATE")
                    .params(key(subscription)).query(Integer.class).optional().orElse(null);
            if (last == null) {
                return;
            }
            List<Integer> numbers = current.get();
            Set<Integer> announced = new HashSet<>(jdbc.sql("SELECT job_number FROM ipp_infra_event WHERE " + OF_SUBSCRIPTION
                    + " AND kind = ? AND announced").params(with(key(subscription), kind)).query(Integer.class).list());
            for (Integer gone : announced) {
                if (!numbers.contains(gone)) {
                    jdbc.sql("UPDATE ipp_infra_event SET announced = FALSE WHERE " + OF_SUBSCRIPTION + " AND kind = ? AND job_number = ?")
                            .params(with(key(subscription), kind, gone)).update();
                }
            }
            List<Integer> news = numbers.stream().filter(number -> !announced.contains(number)).toList();
            if (news.isEmpty()) {
                return;
            }
            int sequence = last;
            for (int number : news) {
                jdbc.sql("""
                        INSERT INTO ipp_infra_event (org_id, device_id, subscription_id, sequence_number, kind, job_number,
                                                     occurred_at, announced)
                        VALUES (?, ?, ?, ?, ?, ?, ?, TRUE)""")
                        .params(subscription.org().value(), subscription.device().value(), subscription.id(), ++sequence, kind, number,
                                at(now)).update();
            }
            jdbc.sql("UPDATE ipp_infra_subscription SET last_sequence = ? WHERE " + OF_SUBSCRIPTION)
                    .params(with(List.of(sequence), key(subscription).toArray())).update();
            jdbc.sql("DELETE FROM ipp_infra_event WHERE " + OF_SUBSCRIPTION + " AND sequence_number <= ?")
                    .params(with(key(subscription), sequence - kept)).update();
        });
    }

    /** The kept events of the subscription from {@code sequence} on, oldest first. */
    public List<Event> from(Subscription subscription, int sequence) {
        return jdbc.sql("SELECT sequence_number, kind, job_number, occurred_at FROM ipp_infra_event WHERE " + OF_SUBSCRIPTION
                        + " AND sequence_number >= ? ORDER BY sequence_number")
                .params(with(key(subscription), sequence))
                .query((rs, row) -> new Event(subscription.id(), rs.getInt("sequence_number"), rs.getString("kind"),
                        rs.getInt("job_number"), instant(rs, "occurred_at"))).list();
    }

    private static List<Object> key(Subscription subscription) {
        return List.of(subscription.org().value(), subscription.device().value(), subscription.id());
    }

    private static List<Object> with(List<?> first, Object... more) {
        List<Object> all = new ArrayList<>(first);
        all.addAll(List.of(more));
        return all;
    }
}
