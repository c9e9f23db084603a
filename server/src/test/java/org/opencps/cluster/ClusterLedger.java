package org.opencps.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.UUID;
import java.time.Duration;
import org.opencps.testing.peers.Poll;

/**
 * What the database holds of one organization's jobs after a load, compared with what the clients
 * were told: every acknowledged job is there, printed; a job nobody was told of can only come from
 * a submission whose answer was lost; no job was released, printed or charged twice.
 */
final class ClusterLedger {

    private final String url;
    private final UUID org;

    ClusterLedger(String url, String org) {
        this.url = url;
        this.org = UUID.fromString(org);
    }

    void assertMatches(Set<String> acknowledged, int unansweredSubmissions) throws SQLException {
        try (Connection db = DriverManager.getConnection(url, "postgres", "")) {
            Map<String, String> states = new HashMap<>();
            Map<String, Boolean> withDocument = new HashMap<>();
            try (var query = db.prepareStatement("select id, state, document_id from printing_job where org_id = ? and name like 'load-%'")) {
                query.setObject(1, org);
                try (var rows = query.executeQuery()) {
                    while (rows.next()) {
                        states.put(rows.getString(1), rows.getString(2));
                        withDocument.put(rows.getString(1), rows.getString(3) != null);
                    }
                }
            }
            assertThat(states.keySet()).as("every acknowledged job is in the database").containsAll(acknowledged);
            Set<String> untold = new HashSet<>(states.keySet());
            untold.removeAll(acknowledged);
            assertThat(untold.size()).as("jobs no client was told of (%s), at most one per submission whose answer was lost", untold)
                    .isLessThanOrEqualTo(unansweredSubmissions);
            // a completed job's document is deleted by design (document_id set to null): that it existed whole is proven by
            // the printer, which fetched every acknowledged job's document and compared its bytes (PrintLoad)
            acknowledged.forEach(job -> assertThat(states.get(job)).as("job %s", job).isEqualTo("COMPLETED"));
            assertThat(withDocument).as("no completed job keeps a document").allSatisfy((job, kept) -> {
                if ("COMPLETED".equals(states.get(job))) {
                    assertThat(kept).isFalse();
                }
            });
            // the usage rows are written after the commit, by the reporting module's listener
            Poll.until(Duration.ofMinutes(2), "a usage row for every printed job", () -> {
                try {
                    return Optional.of(timesPerJob(db, "select job_id, count(*) from reporting_usage where org_id = ? group by job_id",
                            acknowledged)).filter(times -> times.size() == acknowledged.size());
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }, () -> "some missing");
            assertThat(timesPerJob(db, "select job_id, count(*) from reporting_usage where org_id = ? group by job_id", acknowledged))
                    .as("printed once each").allSatisfy((job, count) -> assertThat(count).isEqualTo(1));
            assertThat(timesPerJob(db, "select subject, count(*) from audit_event where org_id = ? and type = 'PRINT_JOB_RELEASED' group by subject",
                    states.keySet())).as("released once each").allSatisfy((job, count) -> assertThat(count).isEqualTo(1));
        }
    }

    private Map<String, Integer> timesPerJob(Connection db, String sql, Set<String> jobs) throws SQLException {
        Map<String, Integer> times = new HashMap<>();
        try (var query = db.prepareStatement(sql)) {
            query.setObject(1, org);
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    if (jobs.contains(rows.getString(1))) {
                        times.put(rows.getString(1), rows.getInt(2));
                    }
                }
            }
        }
        return times;
    }
}
