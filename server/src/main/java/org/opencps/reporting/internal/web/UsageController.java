package org.opencps.reporting.internal.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.opencps.reporting.MyUsage;
import org.opencps.reporting.UsageReports;
import org.opencps.reporting.UsageSummary;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Print usage", description = "Printed pages: your own against your quotas, and an organization's summary")
class UsageController {

    private final UsageReports usage;

    UsageController(UsageReports usage) {
        this.usage = usage;
    }

    @GetMapping("/api/v1/me/usage")
    @Operation(summary = "This month's (UTC) pages used, limit and what is left, for your own quota and each group pool"
            + " you share, and your recent printed jobs")
    MyUsage mine(@Parameter(hidden = true) Actor actor) {
        return usage.mine(actor);
    }

    @GetMapping("/api/v1/organizations/{orgId}/usage/summary")
    @Operation(summary = "Pages per day (colour, black and white), totals (counted vs reported, simplex vs duplex), top"
            + " devices and users; days in UTC, both inclusive, at most 366 days (default: the last 30)")
    UsageSummary summary(@Parameter(hidden = true) Actor actor, @PathVariable OrgId orgId,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return usage.summary(actor, orgId, from, to);
    }
}
