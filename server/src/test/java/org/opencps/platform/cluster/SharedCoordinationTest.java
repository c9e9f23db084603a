package org.opencps.platform.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opencps.testing.Eventually.eventually;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencps.platform.captcha.ProofOfWork;
import org.opencps.platform.errors.InvalidInputException;
import org.opencps.platform.errors.TooManyRequestsException;
import org.opencps.platform.ratelimit.LimitedAction;
import org.opencps.platform.ratelimit.RateLimiter;
import org.opencps.testing.Altchas;
import org.opencps.testing.TwoServers;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two server processes on one PostgreSQL share one rate budget, one failure budget, one set of
 * used CAPTCHA solutions, and hear each other's signals.
 */
class SharedCoordinationTest {

    private static final LimitedAction TESTS = new LimitedAction("problem.tooMany.logins", "tests");
    private static final LimitedAction FAILURES = new LimitedAction("problem.tooMany.logins", "failures");

    private static TwoServers servers;

    @BeforeAll
    static void twoServers() throws Exception {
        servers = TwoServers.start("coordination");
    }

    @AfterAll
    static void stop() {
        servers.close();
    }

    @Test
    void aRateLimitIsOneBudgetForAllProcesses() {
        String key = "test-rate:" + UUID.randomUUID();
        RateLimiter a = servers.a.bean(RateLimiter.class);
        RateLimiter b = servers.b.bean(RateLimiter.class);

        a.acquire(key, 3, Duration.ofHours(1), TESTS);
        b.acquire(key, 3, Duration.ofHours(1), TESTS);
        a.acquire(key, 3, Duration.ofHours(1), TESTS);

        // a process of its own would have allowed three here
        assertThatThrownBy(() -> b.acquire(key, 3, Duration.ofHours(1), TESTS))
                .isInstanceOfSatisfying(TooManyRequestsException.class, refused -> {
                    assertThat(refused.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(20));
                    assertThat(refused.firstRefusal()).isTrue();
                });
        assertThatThrownBy(() -> a.acquire(key, 3, Duration.ofHours(1), TESTS)).isInstanceOf(TooManyRequestsException.class);
    }

    @Test
    void failuresChargedOnOneProcessCloseTheBudgetOnTheOther() {
        String key = "test-failures:" + UUID.randomUUID();
        RateLimiter a = servers.a.bean(RateLimiter.class);
        RateLimiter b = servers.b.bean(RateLimiter.class);
        b.requireAvailable(key, FAILURES);

        a.charge(key, 2, Duration.ofMinutes(1));
        b.requireAvailable(key, FAILURES);
        b.charge(key, 2, Duration.ofMinutes(1));

        assertThatThrownBy(() -> a.requireAvailable(key, FAILURES)).isInstanceOf(TooManyRequestsException.class);
        assertThatThrownBy(() -> b.requireAvailable(key, FAILURES)).isInstanceOf(TooManyRequestsException.class);
    }

    @Test
    void aChargeCountsEvenWhenTheCallersTransactionRollsBack() {
        String key = "test-rollback:" + UUID.randomUUID();
        RateLimiter a = servers.a.bean(RateLimiter.class);
        var transaction = servers.a.bean(TransactionTemplate.class);

        transaction.executeWithoutResult(status -> {
            a.charge(key, 1, Duration.ofMinutes(1));
            status.setRollbackOnly();
        });

        assertThatThrownBy(() -> servers.b.bean(RateLimiter.class).requireAvailable(key, FAILURES))
                .isInstanceOf(TooManyRequestsException.class);
    }

    @Test
    void aCaptchaMadeOnOneProcessIsAcceptedOnTheOtherOnceWithoutAConfiguredKey() throws Exception {
        // no opencps.captcha.hmac-key is set (TwoServers): both derive the key from the shared keyset
        ProofOfWork a = servers.a.bean(ProofOfWork.class);
        ProofOfWork b = servers.b.bean(ProofOfWork.class);
        String solution = Altchas.solve(JsonMapper.builder().build().writeValueAsString(a.newChallenge()));

        b.verify(solution);

        assertThatThrownBy(() -> a.verify(solution)).isInstanceOf(InvalidInputException.class).hasMessageContaining("already used");
        assertThatThrownBy(() -> b.verify(solution)).isInstanceOf(InvalidInputException.class).hasMessageContaining("already used");
    }

    @Test
    void aSignalReachesEveryProcessWhenItsTransactionCommitsAndNeverOnARollback() {
        List<String> heardOnA = new CopyOnWriteArrayList<>();
        List<String> heardOnB = new CopyOnWriteArrayList<>();
        servers.a.bean(ClusterSignals.class).listen("test_signal", heardOnA::add);
        servers.b.bean(ClusterSignals.class).listen("test_signal", heardOnB::add);
        ClusterSignals sender = servers.a.bean(ClusterSignals.class);
        var transaction = servers.a.bean(TransactionTemplate.class);
        // the listening connections take up the new channel on their next round
        eventually(() -> {
            sender.send("test_signal", "ready");
            assertThat(heardOnA).contains("ready");
            assertThat(heardOnB).contains("ready");
        });

        transaction.executeWithoutResult(status -> {
            sender.send("test_signal", "rolled back");
            status.setRollbackOnly();
        });
        transaction.executeWithoutResult(status -> {
            sender.send("test_signal", "committed");
            assertThat(heardOnB).as("not before the commit").doesNotContain("committed");
        });

        eventually(() -> {
            assertThat(heardOnB).contains("committed");
            assertThat(heardOnA).contains("committed");
        });
        // signals from one sender arrive in order: once "committed" is there, "rolled back" never comes
        assertThat(heardOnA).doesNotContain("rolled back");
        assertThat(heardOnB).doesNotContain("rolled back");
        assertThat(servers.a.bean(ClusterSignals.class).receiving()).isTrue();
    }
}
