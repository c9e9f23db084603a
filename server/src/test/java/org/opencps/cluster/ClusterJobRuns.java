package org.opencps.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The periodic jobs' runs as the cluster sees them: the records in {@code platform_job_run} and
 * the runs each process counted itself (its {@code opencps_jobs_runs_total} metric).
 */
final class ClusterJobRuns {

    /** Every periodic job of the server (each a PeriodicJob bean), by its lock name. */
    static final List<String> JOBS = List.of("audit.forwardToOrganizationSiems", "audit.forwardToSiem", "audit.sealChains",
            "audit.pruneChains", "documents.rotateKeys", "documents.sweepOrphans", "identity.recheckEmailDomains",
            "ipp.forgetOldJobNumbers", "platform.deliverEventsAgain", "platform.forgetSharedRows",
            "printing.expireHeldJobs", "printing.holdUnreportedReleases", "scanning.sweepAbandonedUploads",
            "scanning.purgeExpiredScans", "tenancy.purgeExpiredOrganizations");

    /** One run record. */
    record Run(String job, Instant periodStart, long periodMillis, String process, String outcome) {
    }

    private final Cluster cluster;

    ClusterJobRuns(Cluster cluster) {
        this.cluster = cluster;
    }

    /** The finished runs of every job, oldest period first. */
    List<Run> finished() {
        try (Connection db = DriverManager.getConnection(cluster.database, "postgres", "");
             var query = db.prepareStatement("""
                     select job, period_start, period_millis, process, outcome from platform_job_run
                     where finished_at is not null order by job, period_start""");
             var rows = query.executeQuery()) {
            List<Run> runs = new ArrayList<>();
            while (rows.next()) {
                runs.add(new Run(rows.getString(1), rows.getObject(2, java.time.OffsetDateTime.class).toInstant(),
                        rows.getLong(3), rows.getString(4), rows.getString(5)));
            }
            return runs;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Per job, the runs all processes counted together (their metrics, read from each directly). */
    Map<String, Double> counted(List<String> processes) {
        Map<String, Double> counted = new TreeMap<>();
        for (String process : processes) {
            cluster.metricsOf(process).lines().filter(line -> line.startsWith("opencps_jobs_runs_total{")).forEach(line -> {
                int start = line.indexOf("job=\"") + 5;
                String job = line.substring(start, line.indexOf('"', start));
                counted.merge(job, Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)), Double::sum);
            });
        }
        return counted;
    }

    /** Per job, the number of finished runs. */
    static Map<String, Long> perJob(List<Run> runs) {
        Map<String, Long> perJob = new TreeMap<>();
        runs.forEach(run -> perJob.merge(run.job(), 1L, Long::sum));
        return perJob;
    }

    /** The periods of {@code job} from its first to its last finished run that have no run. */
    static List<Instant> gaps(List<Run> runs, String job) {
        List<Instant> starts = runs.stream().filter(run -> run.job().equals(job)).map(Run::periodStart).toList();
        List<Instant> missing = new ArrayList<>();
        for (int i = 1; i < starts.size(); i++) {
            long period = runs.stream().filter(run -> run.job().equals(job)).findFirst().orElseThrow().periodMillis();
            for (Instant expected = starts.get(i - 1).plus(Duration.ofMillis(period)); expected.isBefore(starts.get(i));
                 expected = expected.plus(Duration.ofMillis(period))) {
                missing.add(expected);
            }
        }
        return missing;
    }
}
