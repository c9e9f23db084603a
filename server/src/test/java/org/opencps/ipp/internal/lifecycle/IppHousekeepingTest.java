package org.opencps.ipp.internal.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.identity.Users;
import org.opencps.ipp.PrintQueues;
import org.opencps.platform.ids.OrgId;
import org.opencps.testing.MutableClock;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@OpenCpsTest
class IppHousekeepingTest {

    @Autowired World world;
    @Autowired PrintQueues queues;
    @Autowired Users users;
    @Autowired JdbcClient jdbc;
    @Autowired MutableClock clock;
    @Autowired IppHousekeeping housekeeping;

    @Test
    void jobNumbersAreForgottenOnceNoPrintJobTheyNameCanStillExist() {
        var queue = queues.mine(world.person(world.customer(world.root(), "Old jobs " + UUID.randomUUID()), FixedRole.CUSTOMER_USER).actor());
        insertJob(queue.orgId(), queue.id(), 1);
        clock.advance(Duration.ofDays(30));
        insertJob(queue.orgId(), queue.id(), 2);
        clock.advance(Duration.ofDays(1).plusHours(1));

        housekeeping.forgetOldJobNumbers();

        assertThat(jdbc.sql("SELECT job_number FROM ipp_job WHERE org_id = ?").param(queue.orgId().value())
                .query(Integer.class).list()).containsExactly(2);
    }

    @Test
    void aPersonWhoLeavesLosesTheirQueueThere() {
        OrgId org = world.customer(world.root(), "Leavers " + UUID.randomUUID());
        var person = world.person(org, FixedRole.CUSTOMER_USER);
        var queue = queues.mine(person.actor());
        insertJob(org, queue.id(), 1);

        users.removeMember(world.person(org, FixedRole.CUSTOMER_ADMIN).actor(), org, person.userId());

        assertThat(jdbc.sql("SELECT COUNT(*) FROM ipp_queue WHERE org_id = ?").param(org.value()).query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ipp_job WHERE org_id = ?").param(org.value()).query(Integer.class).single()).isZero();
    }

    private void insertJob(OrgId org, UUID queue, int number) {
        var now = clock.instant().atOffset(ZoneOffset.UTC);
        jdbc.sql("""
                        INSERT INTO ipp_job (org_id, queue_id, job_number, state, job_name, copies, created_at, state_changed_at)
                        VALUES (?, ?, ?, 'OPEN', 'job', 1, ?, ?)""")
                .params(org.value(), queue, number, now, now).update();
    }
}
