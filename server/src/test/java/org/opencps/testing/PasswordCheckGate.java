package org.opencps.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.opencps.identity.internal.credentials.PasswordHasher;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The real Argon2 hasher, wrapped so that a test can count the checks of one account's password
 * and hold them at a gate. {@link #race} sends attempts all at once and keeps every check of that
 * password waiting until each attempt has either been answered without one or reached its check:
 * the widest window there can be between looking at the lockout and counting the failure, without
 * any waiting on time. Import {@link Config} to put it in place of the hasher.
 */
public class PasswordCheckGate extends PasswordHasher {

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {
        @Bean
        @Primary
        public PasswordCheckGate passwordCheckGate() {
            return new PasswordCheckGate();
        }
    }

    /** What came of a race: each attempt's result, in the order given, and how many times the password was checked in all. */
    public record Race<T>(List<T> results, int passwordChecks) {
    }

    private final AtomicInteger checks = new AtomicInteger();
    private final Semaphore arrivals = new Semaphore(0);
    private volatile String watchedHash;
    private volatile CountDownLatch gate;
    private final ThreadLocal<Boolean> racing = ThreadLocal.withInitial(() -> false);

    @Override
    public boolean matches(String password, String hash) {
        CountDownLatch held = gate;
        if (hash != null && hash.equals(watchedHash)) {
            checks.incrementAndGet();
            if (held != null && racing.get()) {
                arrivals.release();
                await(held);
            }
        }
        return super.matches(password, hash);
    }

    /** Counts the checks against this stored hash from now on (no gate outside a race). */
    public void watch(String hash) {
        watchedHash = hash;
        checks.set(0);
    }

    public int checks() {
        return checks.get();
    }

    /**
     * Runs the attempts at the same moment, each on its own thread, against the password hash
     * being {@link #watch watched}; returns once all are answered.
     */
    public <T> Race<T> race(List<Callable<T>> attempts) throws Exception {
        return race(attempts, () -> { });
    }

    /**
     * As {@link #race}, and {@code meanwhile} runs on the calling thread while the attempts that
     * reached the check wait there (its own checks are counted, not held).
     */
    public <T> Race<T> race(List<Callable<T>> attempts, Meanwhile meanwhile) throws Exception {
        int n = attempts.size();
        arrivals.drainPermits();
        int before = checks.get();
        CountDownLatch open = new CountDownLatch(1);
        gate = open;
        List<Future<T>> answers = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(n)) {
            CountDownLatch start = new CountDownLatch(1);
            for (Callable<T> attempt : attempts) {
                answers.add(pool.submit(() -> {
                    await(start);
                    racing.set(true);
                    try {
                        return attempt.call();
                    } finally {
                        arrivals.release();
                    }
                }));
            }
            try {
                start.countDown();
                // every attempt is answered or waits at its check; a safety net, not a timing assumption
                if (!arrivals.tryAcquire(n, 5, TimeUnit.MINUTES)) {
                    throw new AssertionError("the attempts neither finished nor reached the password check");
                }
                meanwhile.run();
            } finally {
                gate = null;
                open.countDown();
            }
            List<T> results = new ArrayList<>();
            for (Future<T> answer : answers) {
                results.add(answer.get());
            }
            return new Race<>(results, checks.get() - before);
        }
    }

    @FunctionalInterface
    public interface Meanwhile {
        void run() throws Exception;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
