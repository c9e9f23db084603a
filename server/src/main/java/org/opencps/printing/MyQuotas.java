package org.opencps.printing;

import java.util.List;
import java.util.UUID;

/** A person's quotas this month (UTC): their own and each group pool they share. */
public record MyQuotas(String month, Quota own, List<Quota> groups) {

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
