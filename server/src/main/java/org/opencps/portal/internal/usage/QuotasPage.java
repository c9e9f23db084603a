package org.opencps.portal.internal.usage;

import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.opencps.identity.Groups;
import org.opencps.identity.Users;
import org.opencps.platform.errors.InvalidInputException;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.platform.security.Actor;
import org.opencps.portal.internal.web.Forms;
import org.opencps.printing.PrintQuota;
import org.opencps.printing.PrintQuotas;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Monthly page quotas of each person and each group (a pool its members share), colour and black
 * and white apart: the print manager's page, and the customer admin's. Nothing else of the people
 * is shown here than their names.
 */
@Controller
class QuotasPage {

    private final PrintQuotas quotas;
    private final Users users;
    private final Groups groups;

    QuotasPage(PrintQuotas quotas, Users users, Groups groups) {
        this.quotas = quotas;
        this.users = users;
        this.groups = groups;
    }

    @GetMapping("/orgs/{orgId}/quotas")
    String quotas(Actor actor, @PathVariable OrgId orgId, Model model) {
        Map<String, PrintQuota> set = quotas.list(actor, orgId).stream()
                .collect(Collectors.toMap(q -> q.scope() + ":" + q.id(), Function.identity()));
        model.addAttribute("people", users.forQuotaSettings(actor, orgId));
        model.addAttribute("groups", groups.forQuotaSettings(actor, orgId));
        model.addAttribute("set", set);
        model.addAttribute("orgId", orgId);
        return "usage/quotas";
    }

    @PostMapping("/orgs/{orgId}/quotas/users/{userId}")
    String setUser(Actor actor, @PathVariable OrgId orgId, @PathVariable UserId userId,
                   @RequestParam(defaultValue = "") String colorPagesPerMonth,
                   @RequestParam(defaultValue = "") String monochromePagesPerMonth, RedirectAttributes flash) {
        return Forms.change(flash, "/orgs/" + orgId + "/quotas", "quotas.saved", () -> quotas.set(actor, orgId,
                PrintQuota.Scope.USER, userId.value(), pages("colorPagesPerMonth", colorPagesPerMonth),
                pages("monochromePagesPerMonth", monochromePagesPerMonth)));
    }

    @PostMapping("/orgs/{orgId}/quotas/groups/{groupId}")
    String setGroup(Actor actor, @PathVariable OrgId orgId, @PathVariable UUID groupId,
                    @RequestParam(defaultValue = "") String colorPagesPerMonth,
                    @RequestParam(defaultValue = "") String monochromePagesPerMonth, RedirectAttributes flash) {
        return Forms.change(flash, "/orgs/" + orgId + "/quotas", "quotas.saved", () -> quotas.set(actor, orgId,
                PrintQuota.Scope.GROUP, groupId, pages("colorPagesPerMonth", colorPagesPerMonth),
                pages("monochromePagesPerMonth", monochromePagesPerMonth)));
    }

    /** Empty means no limit. */
    private static Integer pages(String field, String text) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "problem.quota.wholeNumber", "a limit is a whole number of pages, or empty for no limit");
        }
    }
}
