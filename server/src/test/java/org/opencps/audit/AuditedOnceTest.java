package org.opencps.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencps.testing.Eventually.eventually;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.opencps.printing.PrintQuota;
import org.opencps.printing.PrintQuotaChanged;
import org.opencps.testing.MutableClock;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** An event recorded after its commit is recorded once however often it is delivered; two alike events twice. */
@OpenCpsTest
class AuditedOnceTest {

    @Autowired World world;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transactions;

    @Test
    void theSameEventDeliveredTwiceIsOneRecordAndAnotherAlikeIsASecond() {
        OrgId org = world.customer(world.root(), "Audited once " + UUID.randomUUID());
        Actor admin = world.person(org, FixedRole.CUSTOMER_ADMIN).actor();
        UUID group = UUID.randomUUID();
        var changed = new PrintQuotaChanged(org, new PrintQuota(org, PrintQuota.Scope.GROUP, group, null, null),
                new PrintQuota(org, PrintQuota.Scope.GROUP, group, 10, null), admin.userId(), clock.instant());
        transactions.executeWithoutResult(status -> events.publishEvent(changed));
        eventually(() -> assertThat(quotaChanges(org)).isOne());
        transactions.executeWithoutResult(status -> events.publishEvent(changed));
        eventually(() -> assertThat(undelivered(changed.eventId())).as("the second delivery completed too").isZero());
        assertThat(quotaChanges(org)).isOne();

        var alike = new PrintQuotaChanged(org, new PrintQuota(org, PrintQuota.Scope.GROUP, group, null, null),
                new PrintQuota(org, PrintQuota.Scope.GROUP, group, 10, null), admin.userId(), clock.instant());
        transactions.executeWithoutResult(status -> events.publishEvent(alike));
        eventually(() -> assertThat(quotaChanges(org)).as("the same change made again is another event").isEqualTo(2));
    }

    private long quotaChanges(OrgId org) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE org_id = ? AND type = 'PRINT_QUOTA_CHANGED'")
                .param(org.value()).query(Long.class).single();
    }

    private long undelivered(UUID eventId) {
        return jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE serialized_event LIKE ?").param("%" + eventId + "%")
                .query(Long.class).single();
    }
}
