package org.opencps.reporting.contracts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.opencps.platform.ids.OrgId;

/**
 * A customer's contract history: every license change, oldest first, and the term timeline: each
 * term the license ran for, in the order they were set, with the plan and device limit it was set with.
 */
public record ContractHistory(OrgId orgId, String name, List<LicenseChange> changes, List<Term> terms) {

    public record Term(LocalDate start, LocalDate end, String plan, int deviceLimit, Instant setAt) {
    }
}
