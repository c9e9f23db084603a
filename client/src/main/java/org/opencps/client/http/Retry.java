package org.opencps.client.http;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Calls again, with {@link Backoff}, what failed for a reason that may pass: no connection, a broken
 * one, or the server answering 429/502/503/504. Anything else (a refusal, an untrusted certificate)
 * fails at once. Only for calls that may safely be repeated.
 */
public final class Retry {

    /** A call to the server. */
    public interface Call<T> {
        T call() throws IOException, InterruptedException;
    }

    /** How to wait between attempts. */
    public interface Sleeper {
        /** Waits in real time: the waits of the commands themselves. */
        Sleeper REAL_TIME = duration -> Thread.sleep(duration.toMillis());

        void sleep(Duration duration) throws InterruptedException;
    }

    private final URI server;
    private final Duration initial;
    private final Duration max;
    private final int maxAttempts;
    private final Sleeper sleeper;
    private final Consumer<String> log;

    /** {@code maxAttempts} 0: until it works (or the thread is interrupted). */
    public Retry(URI server, Duration initial, Duration max, int maxAttempts, Sleeper sleeper, Consumer<String> log) {
        this.server = server;
        this.initial = initial;
        this.max = max;
        this.maxAttempts = maxAttempts;
        this.sleeper = sleeper;
        this.log = log;
    }

    public static Retry forever(URI server, Duration initial, Duration max, Consumer<String> log) {
        return new Retry(server, initial, max, 0, Sleeper.REAL_TIME, log);
    }

    public <T> T call(String what, Call<T> call) throws IOException, InterruptedException {
        var backoff = new Backoff(initial, max);
        for (int attempt = 1; ; attempt++) {
            try {
                return call.call();
            } catch (IOException | ApiException e) {
                if (!isTransient(e) || (maxAttempts > 0 && attempt >= maxAttempts)) {
                    throw e;
                }
                Duration wait = backoff.failed();
                log.accept(what + ": " + describe(server, e) + "; trying again in " + wait.toMillis() + " ms (attempt " + attempt + ")");
                sleeper.sleep(wait);
            }
        }
    }

    public static boolean isTransient(Exception e) {
        if (e instanceof ApiException api) {
            return api.isTransient();
        }
        return e instanceof IOException && !NetworkErrors.handshakeFailed(e);
    }

    public static String describe(URI server, Exception e) {
        return e instanceof IOException io ? NetworkErrors.describe(server, io) : e.getMessage();
    }
}
