package org.opencps.printing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencps.printing.HeldJobs.submit;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.identity.Groups;
import org.opencps.platform.ids.DeviceId;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.opencps.printing.JobTicket.ColorMode;
import org.opencps.printing.PrintQuota.Scope;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two releases at the same moment (two threads let go by one latch, again and again, on the real
 * database) never take a person or a group pool past its quota: exactly one of two jobs that
 * together do not fit is released.
 */
@OpenCpsTest
class QuotaConcurrencyTest {

    static final int ROUNDS = 15;

    @Autowired PrintJobs jobs;
    @Autowired PrintReleases releases;
    @Autowired PrintQuotas quotas;
    @Autowired Groups groups;
    @Autowired World world;

    final ExecutorService threads = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void twoReleasesOfOnePersonNeverExceedTheirQuota() throws Exception {
        OrgId org = world.customer(world.root(), "Race " + UUID.randomUUID());
        Actor manager = world.person(org, FixedRole.PRINT_MANAGER).actor();
        for (int round = 0; round < ROUNDS; round++) {
            Actor person = world.person(org, FixedRole.CUSTOMER_USER).actor();
            quotas.set(manager, org, Scope.USER, person.userId().value(), 5, null);
            List<String> outcomes = race(person, person);
            assertThat(outcomes).containsExactlyInAnyOrder("released", "over quota");
            assertThat(quotas.mine(person).own().color().used()).isEqualTo(3);
        }
    }

    @Test
    void twoMembersOfAGroupNeverExceedItsSharedPool() throws Exception {
        OrgId org = world.customer(world.root(), "Race " + UUID.randomUUID());
        Actor admin = world.person(org, FixedRole.CUSTOMER_ADMIN).actor();
        for (int round = 0; round < ROUNDS; round++) {
            Actor one = world.person(org, FixedRole.CUSTOMER_USER).actor();
            Actor two = world.person(org, FixedRole.CUSTOMER_USER).actor();
            UUID pool = groups.create(admin, org, "Pool " + round).id();
            groups.addMember(admin, org, pool, one.userId());
            groups.addMember(admin, org, pool, two.userId());
            quotas.set(admin, org, Scope.GROUP, pool, 5, null);
            List<String> outcomes = race(one, two);
            assertThat(outcomes).containsExactlyInAnyOrder("released", "over quota");
            assertThat(quotas.mine(one).groups()).singleElement()
                    .satisfies(shared -> assertThat(shared.color().used()).isEqualTo(3));
            assertThat(quotas.mine(one).own().color().used() + quotas.mine(two).own().color().used()).isEqualTo(3);
        }
    }

    /** Each person releases a 3-page colour job at the same moment; what became of each. */
    private List<String> race(Actor first, Actor second) throws Exception {
        PrintJob a = submit(jobs, first, 3, 1, ColorMode.COLOR);
        PrintJob b = submit(jobs, second, 3, 1, ColorMode.COLOR);
        CountDownLatch ready = new CountDownLatch(2);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> futures = new ArrayList<>();
        for (var pair : List.of(new Object[] {first, a}, new Object[] {second, b})) {
            futures.add(threads.submit(() -> {
                ready.countDown();
                go.await();
                try {
                    releases.release((Actor) pair[0], ((PrintJob) pair[1]).id(), DeviceId.random(), null);
                    return "released";
                } catch (QuotaExceededException e) {
                    return "over quota";
                }
            }));
        }
        assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
        go.countDown();
        List<String> outcomes = new ArrayList<>();
        for (Future<String> future : futures) {
            outcomes.add(future.get(60, TimeUnit.SECONDS));
        }
        return outcomes;
    }
}
