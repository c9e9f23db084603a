package org.opencps.printing.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.opencps.identity.Group;
import org.opencps.identity.Groups;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.printing.JobId;
import org.opencps.printing.PrintQuota;
import org.opencps.printing.QuotaExceededException;
import org.opencps.printing.internal.persistence.QuotaStore;
import org.opencps.printing.internal.persistence.QuotaStore.Charge;
import org.opencps.printing.internal.persistence.QuotaStore.Counter;
import org.opencps.printing.internal.persistence.QuotaStore.Used;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Charges releases to monthly quotas, all or nothing: a person's own counter and the counter of
 * each group they are in (a group's quota is one pool its members share). Counters are locked
 * in one global order (scope, id, month), so concurrent releases wait for each other instead of
 * deadlocking, and each checks its limit only once it holds the lock: two releases can never
 * both take the last pages. Every counter is charged whether or not a quota is set, so a quota
 * set during a month counts the month's pages.
 */
@Component
class QuotaLedger {

    static final Comparator<Counter> ORDER = Comparator.comparing((Counter c) -> c.scope().name())
            .thenComparing(Counter::id).thenComparingInt(Counter::period);

    private final QuotaStore store;
    private final Groups groups;
    private final TransactionTemplate separately;

    QuotaLedger(QuotaStore store, Groups groups, PlatformTransactionManager transactionManager) {
        this.store = store;
        this.groups = groups;
        this.separately = new TransactionTemplate(transactionManager);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The month (UTC) a moment falls in, as year * 100 + month. */
    static int period(Instant at) {
        ZonedDateTime utc = at.atZone(ZoneOffset.UTC);
        return utc.getYear() * 100 + utc.getMonthValue();
    }

    /**
     * The counters a release by this person charges in the month of {@code at}, in locking order,
     * each made sure to exist (created in a transaction of its own, so two first releases of a
     * month cannot clash in the caller's).
     */
    List<Counter> countersFor(OrgId org, UserId person, Instant at) {
        int period = period(at);
        List<Counter> counters = new ArrayList<>();
        counters.add(new Counter(PrintQuota.Scope.USER, person.value(), period));
        for (Group group : groups.groupsOf(org, person)) {
            counters.add(new Counter(PrintQuota.Scope.GROUP, group.id(), period));
        }
        counters.sort(ORDER);
        for (Counter counter : counters) {
            if (!store.counterExists(org, counter)) {
                try {
                    separately.executeWithoutResult(status -> store.createCounter(org, counter));
                } catch (DuplicateKeyException concurrentlyCreated) {
                    // another release made it first: just as good
                }
            }
        }
        return counters;
    }

    /**
     * In the caller's transaction: charges {@code pages} colour or black-and-white pages to every
     * counter, or throws {@link QuotaExceededException} at the first that has too few left (the
     * caller's transaction then rolls back whatever was charged before it).
     */
    void charge(OrgId org, JobId job, List<Counter> counters, boolean color, int pages) {
        for (Counter counter : counters) {
            Used used = store.lock(org, counter).orElseThrow(() -> new IllegalStateException("quota counter vanished"));
            Integer limit = store.find(org, counter.scope(), counter.id())
                    .map(q -> color ? q.colorPagesPerMonth() : q.monochromePagesPerMonth()).orElse(null);
            if ((limit != null && used.of(color) + pages > limit) || !store.add(org, counter, color, pages, limit)) {
                int left = limit == null ? 0 : Math.max(0, limit - used.of(color));
                String group = counter.scope() == PrintQuota.Scope.USER ? null
                        : groups.find(org, counter.id()).map(Group::name).orElse("?");
                throw new QuotaExceededException(group == null ? "problem.quota.exceeded" : "problem.quota.exceededShared",
                        refusal(color, pages, left, group), pages, left, color ? 1 : 0, pages, left, group);
            }
            store.recordCharge(org, job, new Charge(counter, color, pages));
        }
    }

    /** In the caller's transaction: gives back what the job charged (to the months it charged). */
    void refund(OrgId org, JobId job) {
        List<Charge> charges = new ArrayList<>(store.chargesOf(org, job));
        charges.sort(Comparator.comparing(Charge::counter, ORDER));
        for (Charge charge : charges) {
            store.lock(org, charge.counter());
            store.subtract(org, charge.counter(), charge.color(), charge.pages());
        }
        store.forgetCharges(org, job);
    }

    /** In the caller's transaction: the job printed; its charges stand and need no more keeping. */
    void settle(OrgId org, JobId job) {
        store.forgetCharges(org, job);
    }

    private static String refusal(boolean color, int pages, int left, String group) {
        String kind = color ? "colour" : "black-and-white";
        String where = group == null ? "" : " in the quota shared by group '" + group + "'";
        return "this job needs " + pages + " " + kind + " page" + (pages == 1 ? "" : "s") + "; " + left + " "
                + (left == 1 ? "is" : "are") + " left this month" + where;
    }
}
