package org.opencps.printing;

import java.util.List;
import java.util.UUID;

/**
 * A person's printing this month (UTC): their own quota and each group pool they share, and
 * their most recent printed jobs.
 */
public record MyUsage(String month, Quota own, List<Quota> groups, List<UsageRecord> recent) {

    /** One quota: the person's own (scope USER) or a group's shared pool; {@code name} is the group's. */
    public record Quota(PrintQuota.Scope scope, UUID id, String name, Allowance color, Allowance monochrome) {
    }

    /** Pages used this month, the limit (null: unlimited) and what is left (null: unlimited). */
    public record Allowance(int used, Integer limit, Integer remaining) {

        public static Allowance of(int used, Integer limit) {
            return new Allowance(used, limit, limit == null ? null : Math.max(0, limit - used));
        }
    }
}
