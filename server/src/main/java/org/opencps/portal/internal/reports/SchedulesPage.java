package org.opencps.portal.internal.reports;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.opencps.identity.Users;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.platform.security.Actor;
import org.opencps.portal.internal.web.Forms;
import org.opencps.reporting.recipients.ReportRecipients;
import org.opencps.reporting.schedule.Cadence;
import org.opencps.reporting.schedule.NewSchedule;
import org.opencps.reporting.ExportFormat;
import org.opencps.reporting.schedule.ReportSchedules;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** An organization's scheduled reports and its report recipients, for those who manage them. */
@Controller
class SchedulesPage {

    private final ReportSchedules schedules;
    private final ReportRecipients recipients;
    private final Users users;

    SchedulesPage(ReportSchedules schedules, ReportRecipients recipients, Users users) {
        this.schedules = schedules;
        this.recipients = recipients;
        this.users = users;
    }

    @GetMapping("/orgs/{orgId}/report-schedules")
    String page(Actor actor, @PathVariable OrgId orgId, Model model) {
        model.addAttribute("schedules", schedules.list(actor, orgId));
        model.addAttribute("recipients", recipients.list(actor, orgId));
        model.addAttribute("members", users.members(actor, orgId));
        model.addAttribute("kinds", schedules.kinds());
        model.addAttribute("cadences", Cadence.values());
        model.addAttribute("formats", ExportFormat.values());
        model.addAttribute("orgId", orgId);
        return "reports/schedules";
    }

    @PostMapping("/orgs/{orgId}/report-recipients")
    String addRecipient(Actor actor, @PathVariable OrgId orgId, @RequestParam(defaultValue = "") String email,
                        @RequestParam(defaultValue = "en") String language, RedirectAttributes flash) {
        return Forms.change(flash, back(orgId), "schedules.recipientAdded", () -> recipients.add(actor, orgId, email, language));
    }

    @PostMapping("/orgs/{orgId}/report-recipients/{recipientId}/delete")
    String removeRecipient(Actor actor, @PathVariable OrgId orgId, @PathVariable UUID recipientId, RedirectAttributes flash) {
        return Forms.change(flash, back(orgId), "schedules.recipientRemoved", () -> recipients.remove(actor, orgId, recipientId));
    }

    @PostMapping("/orgs/{orgId}/report-schedules")
    String create(Actor actor, @PathVariable OrgId orgId, @RequestParam(defaultValue = "") String kind,
                  @RequestParam(required = false) Cadence cadence, @RequestParam(defaultValue = "en") String language,
                  @RequestParam(required = false) List<UUID> people, @RequestParam(required = false) List<UUID> recipientIds,
                  @RequestParam(required = false) List<ExportFormat> formats, RedirectAttributes flash) {
        Set<UserId> persons = people == null ? Set.of() : people.stream().map(UserId::new).collect(Collectors.toSet());
        Set<UUID> addressed = recipientIds == null ? Set.of() : Set.copyOf(recipientIds);
        // an older form without the format boxes meant CSV
        Set<ExportFormat> files = formats == null ? Set.of(ExportFormat.CSV) : Set.copyOf(formats);
        return Forms.change(flash, back(orgId), "schedules.created", () -> schedules.create(actor, orgId,
                new NewSchedule(kind, cadence, files, language, persons, addressed)));
    }

    @PostMapping("/orgs/{orgId}/report-schedules/{scheduleId}/delete")
    String delete(Actor actor, @PathVariable OrgId orgId, @PathVariable UUID scheduleId, RedirectAttributes flash) {
        return Forms.change(flash, back(orgId), "schedules.deleted", () -> schedules.delete(actor, orgId, scheduleId));
    }

    private static String back(OrgId orgId) {
        return "/orgs/" + orgId + "/report-schedules";
    }
}
