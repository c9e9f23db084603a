package org.opencps.portal.internal.reports;

import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.opencps.reporting.contracts.ContractReports;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** A customer's contract report and contract history, with their CSV exports. */
@Controller
class ContractPage {

    private final ContractReports reports;

    ContractPage(ContractReports reports) {
        this.reports = reports;
    }

    @GetMapping("/orgs/{orgId}/contract")
    String page(Actor actor, @PathVariable OrgId orgId, Model model) {
        model.addAttribute("report", reports.customerReport(actor, orgId));
        model.addAttribute("history", reports.history(actor, orgId));
        model.addAttribute("orgId", orgId);
        return "reports/contract";
    }
}
