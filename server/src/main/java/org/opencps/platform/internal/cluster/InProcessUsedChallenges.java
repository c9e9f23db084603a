package org.opencps.platform.internal.cluster;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.opencps.platform.errors.TooManyRequestsException;

/** Used challenges in this process's memory, at most {@code maxRemembered} at once. */
public final class InProcessUsedChallenges implements UsedChallenges {

    public static final int DEFAULT_MAX_REMEMBERED = 100_000;

    private final int maxRemembered;
    /** Challenges already solved, with the epoch second they expire; guarded by itself. */
    private final Map<String, Long> used = new HashMap<>();
    private long nextPurge;

    public InProcessUsedChallenges(int maxRemembered) {
        this.maxRemembered = maxRemembered;
    }

    @Override
    public boolean markUsed(String challenge, long expiresEpochSecond, long nowEpochSecond) {
        synchronized (used) {
            if (used.size() >= maxRemembered || nowEpochSecond >= nextPurge) {
                used.values().removeIf(until -> until < nowEpochSecond);
                nextPurge = nowEpochSecond + 60;
            }
            if (used.containsKey(challenge)) {
                return false;
            }
            if (used.size() >= maxRemembered) {
                throw new TooManyRequestsException("problem.tooMany.captcha",
                        "too many CAPTCHA solutions at once; try again in a minute", Duration.ofMinutes(1), false, 1);
            }
            used.put(challenge, expiresEpochSecond);
            return true;
        }
    }
}
