package org.opencps.printing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.opencps.testing.peers.Poll;

class GroupSyncTest {

    @Test
    void everyCallerReturnsOnlyAfterASyncThatStartedAfterItsCommit() throws Exception {
        AtomicLong commits = new AtomicLong();
        AtomicLong coveredByFinishedSync = new AtomicLong();
        GroupSync group = new GroupSync(() -> {
            long seen = commits.get();
            Thread.onSpinWait();
            coveredByFinishedSync.accumulateAndGet(seen, Math::max);
        });
        List<CompletableFuture<Void>> callers = new ArrayList<>();
        AtomicLong uncoveredReturns = new AtomicLong();
        try (ExecutorService threads = Executors.newFixedThreadPool(16)) {
            for (int i = 0; i < 16; i++) {
                callers.add(CompletableFuture.runAsync(() -> {
                    for (int n = 0; n < 300; n++) {
                        long mine = commits.incrementAndGet();
                        group.awaitSynced();
                        if (coveredByFinishedSync.get() < mine) {
                            uncoveredReturns.incrementAndGet();
                        }
                    }
                }, threads));
            }
            CompletableFuture.allOf(callers.toArray(CompletableFuture[]::new)).get();
        }
        assertThat(uncoveredReturns).hasValue(0);
        assertThat(group.syncs()).isBetween(1L, 16L * 300);
    }

    @Test
    void callersArrivingDuringASyncShareTheNextOne() throws Exception {
        var firstMayEnd = new CompletableFuture<Void>();
        AtomicLong runs = new AtomicLong();
        GroupSync group = new GroupSync(() -> {
            if (runs.incrementAndGet() == 1) {
                firstMayEnd.join();
            }
        });
        try (ExecutorService threads = Executors.newFixedThreadPool(16)) {
            var first = CompletableFuture.runAsync(group::awaitSynced, threads);
            Poll.until(Duration.ofSeconds(30), "the first sync running", () -> runs.get() == 1 ? Optional.of(true) : Optional.empty(),
                    () -> "runs " + runs.get());
            List<CompletableFuture<Void>> later = new ArrayList<>();
            for (int i = 0; i < 15; i++) {
                later.add(CompletableFuture.runAsync(group::awaitSynced, threads));
            }
            Poll.until(Duration.ofSeconds(30), "15 callers waiting behind the first sync",
                    () -> group.uncovered() == 16 ? Optional.of(true) : Optional.empty(), () -> "uncovered " + group.uncovered());
            firstMayEnd.complete(null);
            first.get();
            CompletableFuture.allOf(later.toArray(CompletableFuture[]::new)).get();
        }
        // the first sync could not cover them (they committed after it started); one more covered all 15
        assertThat(group.syncs()).isEqualTo(2);
        assertThat(group.uncovered()).isZero();
    }
}
