package org.opencps.printing.internal;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit: many threads that each need "everything I committed is on the device" share one
 * sync. A caller takes a ticket after its commit returned; a sync covers every ticket taken before
 * it started. So a caller waits for the sync in progress (which may not cover it), then either
 * finds that a later one already covered it or runs one itself for everyone waiting. One fsync then
 * answers all the jobs committed while the previous one ran, and each job still waits for its own.
 */
final class GroupSync {

    /** The device sync: the database's own (H2 {@code CHECKPOINT SYNC}). */
    interface Sync {
        void run();
    }

    private final Sync sync;
    private final AtomicLong tickets = new AtomicLong();
    private final ReentrantLock running = new ReentrantLock();
    /** The highest ticket a finished sync covers; written only while holding {@link #running}. */
    private volatile long covered;
    private long syncs;

    GroupSync(Sync sync) {
        this.sync = sync;
    }

    /** Returns once a sync that started after this call began has finished. */
    void awaitSynced() {
        long ticket = tickets.incrementAndGet();
        if (covered >= ticket) {
            return;
        }
        running.lock();
        try {
            if (covered >= ticket) {
                return;
            }
            // every ticket up to here was taken after its caller's commit, so this sync covers them all
            long upTo = tickets.get();
            sync.run();
            syncs++;
            covered = upTo;
        } finally {
            running.unlock();
        }
    }

    /** Callers whose commit no finished sync covers yet (those waiting, and the one syncing). */
    long uncovered() {
        return tickets.get() - covered;
    }

    /** Syncs run so far (fewer than callers when they came together). */
    long syncs() {
        running.lock();
        try {
            return syncs;
        } finally {
            running.unlock();
        }
    }
}
