package org.opencps.ipp.internal.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.ipp.PrintQueue;
import org.opencps.ipp.PrintQueues;
import org.opencps.ipp.internal.persistence.IppJobStore.State;
import org.opencps.ipp.internal.persistence.IppJobStore.Ticket;
import org.opencps.platform.errors.NotFoundException;
import org.opencps.testing.MutableClock;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@OpenCpsTest
class IppJobStoreTest {

    private static final Ticket TICKET = new Ticket("job", 1, null, null, null);

    @Autowired World world;
    @Autowired PrintQueues queues;
    @Autowired IppJobStore jobs;
    @Autowired JdbcClient jdbc;
    @Autowired MutableClock clock;

    @Test
    void concurrentJobsOfOneQueueGetTheNextNumbersEachOnce() throws Exception {
        PrintQueue queue = newQueue();
        List<Callable<Integer>> inserts = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            inserts.add(() -> jobs.insert(queue.orgId(), queue.id(), null, State.OPEN, TICKET, clock.instant()).number());
        }
        List<Integer> numbers = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(4)) {
            for (Future<Integer> number : pool.invokeAll(inserts)) {
                numbers.add(number.get());
            }
        }

        assertThat(numbers).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
    }

    @Test
    void numbersAreNotGivenOutAgainAfterTheJobsAreForgotten() {
        PrintQueue queue = newQueue();
        jobs.insert(queue.orgId(), queue.id(), null, State.OPEN, TICKET, clock.instant());
        jobs.insert(queue.orgId(), queue.id(), null, State.OPEN, TICKET, clock.instant());
        jdbc.sql("DELETE FROM ipp_job WHERE org_id = ?").param(queue.orgId().value()).update();

        assertThat(jobs.insert(queue.orgId(), queue.id(), null, State.OPEN, TICKET, clock.instant()).number()).isEqualTo(3);
    }

    @Test
    void aQueueThatIsGoneTakesNoJob() {
        PrintQueue queue = newQueue();

        assertThatThrownBy(() -> jobs.insert(queue.orgId(), UUID.randomUUID(), null, State.OPEN, TICKET, clock.instant()))
                .isInstanceOf(NotFoundException.class);
    }

    private PrintQueue newQueue() {
        var org = world.customer(world.root(), "Numbers " + UUID.randomUUID());
        return queues.mine(world.person(org, FixedRole.CUSTOMER_USER).actor());
    }
}
