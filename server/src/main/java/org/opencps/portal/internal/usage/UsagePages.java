package org.opencps.portal.internal.usage;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opencps.devices.DeviceNames;
import org.opencps.identity.Users;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.opencps.reporting.ReportParameters;
import org.opencps.reporting.UsageReports;
import org.opencps.reporting.UsageSummary;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * Printed pages: my usage against my quotas this month, and the organization's dashboard for
 * those who see its reports (pages by day, colour against black and white, the top devices and
 * users), drawn by Chart.js from data attributes, with the same figures in tables.
 */
@Controller
class UsagePages {

    private final UsageReports usage;
    private final Users users;
    private final DeviceNames devices;
    private final JsonMapper json;

    UsagePages(UsageReports usage, Users users, DeviceNames devices, JsonMapper json) {
        this.usage = usage;
        this.users = users;
        this.devices = devices;
        this.json = json;
    }

    @GetMapping("/usage")
    String mine(Actor actor, Model model) {
        model.addAttribute("usage", usage.mine(actor));
        model.addAttribute("deviceNames", devices.names(actor, actor.requireOrganization()));
        return "usage/mine";
    }

    @GetMapping("/orgs/{orgId}/usage")
    String dashboard(Actor actor, @PathVariable OrgId orgId, @RequestParam(required = false) String from,
                     @RequestParam(required = false) String to, Model model) {
        UsageSummary summary = usage.summary(actor, orgId, ReportParameters.day("from", from), ReportParameters.day("to", to));
        Map<UUID, String> people = users.displayNames(actor, orgId);
        Map<UUID, String> printers = devices.names(actor, orgId);
        model.addAttribute("summary", summary);
        model.addAttribute("userNames", people);
        model.addAttribute("deviceNames", printers);
        model.addAttribute("days", json.writeValueAsString(summary.days().stream()
                .map(d -> Map.of("day", d.day().toString(), "color", d.colorPages(), "mono", d.monochromePages())).toList()));
        model.addAttribute("top", json.writeValueAsString(summary.topDevices().stream()
                .map(t -> Map.of("name", printers.getOrDefault(t.id(), shortId(t.id())), "color", t.colorPages(),
                        "mono", t.monochromePages())).toList()));
        model.addAttribute("split", json.writeValueAsString(List.of(summary.totals().colorPages(), summary.totals().monochromePages())));
        model.addAttribute("orgId", orgId);
        return "usage/dashboard";
    }

    static String shortId(UUID id) {
        return id.toString().substring(0, 8);
    }
}
