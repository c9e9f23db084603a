package org.opencps.printing.internal.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.platform.security.Actor;
import org.opencps.printing.PrintQuota;
import org.opencps.printing.PrintQuotas;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/organizations/{orgId}/quotas")
@Tag(name = "Print quotas", description = "Monthly page quotas (calendar months, UTC) of users and of groups (a pool the"
        + " group's members share); null limits are unlimited")
class QuotasController {

    private final PrintQuotas quotas;

    QuotasController(PrintQuotas quotas) {
        this.quotas = quotas;
    }

    /** Limits per calendar month (UTC); null is unlimited. */
    record QuotaBody(Integer colorPagesPerMonth, Integer monochromePagesPerMonth) {
    }

    @GetMapping
    @Operation(summary = "The organization's user and group quotas")
    List<PrintQuota> list(@Parameter(hidden = true) Actor actor, @PathVariable OrgId orgId) {
        return quotas.list(actor, orgId);
    }

    @GetMapping("/users/{userId}")
    @Operation(summary = "A member's own monthly quota")
    PrintQuota user(@Parameter(hidden = true) Actor actor, @PathVariable OrgId orgId, @PathVariable UserId userId) {
        return quotas.get(actor, orgId, PrintQuota.Scope.USER, userId.value());
    }

    @PutMapping("/users/{userId}")
    @Operation(summary = "Set a member's own monthly quota (both limits null removes it)")
    PrintQuota setUser(@Parameter(hidden = true) Actor actor, @PathVariable OrgId orgId, @PathVariable UserId userId,
                       @RequestBody QuotaBody body) {
        return quotas.set(actor, orgId, PrintQuota.Scope.USER, userId.value(), body.colorPagesPerMonth(),
                body.monochromePagesPerMonth());
    }

    @GetMapping("/groups/{groupId}")
    @Operation(summary = "A group's monthly quota, shared by all its members")
    PrintQuota group(@Parameter(hidden = true) Actor actor, @PathVariable OrgId orgId, @PathVariable UUID groupId) {
        return quotas.get(actor, orgId, PrintQuota.Scope.GROUP, groupId);
    }

    @PutMapping("/groups/{groupId}")
    @Operation(summary = "Set a group's monthly quota, one pool all its members share (both limits null removes it)")
    PrintQuota setGroup(@Parameter(hidden = true) Actor actor, @PathVariable OrgId orgId, @PathVariable UUID groupId,
                        @RequestBody QuotaBody body) {
        return quotas.set(actor, orgId, PrintQuota.Scope.GROUP, groupId, body.colorPagesPerMonth(),
                body.monochromePagesPerMonth());
    }
}
