package org.opencps.portal.internal.audit;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.opencps.access.Capabilities;
import org.opencps.access.Permission;
import org.opencps.audit.AuditFilter;
import org.opencps.audit.AuditTrail;
import org.opencps.audit.OrganizationSiem;
import org.opencps.audit.OrganizationSiemSettings;
import org.opencps.identity.Users;
import org.opencps.platform.errors.InvalidInputException;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.opencps.portal.internal.web.Forms;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The audit trail page: an organization's records, newest first, filtered by days (UTC), actor,
 * action and outcome, paged, and exported as CSV; for the organization's own admins also the
 * chain's verification and the retention setting. The provider above a customer sees only its own
 * people's actions there (the face decides).
 */
@Controller
class AuditPages {

    private static final int PAGE_SIZE = 50;

    private final AuditTrail trail;
    private final Users users;
    private final Capabilities capabilities;
    private final OrganizationSiem siem;

    AuditPages(AuditTrail trail, Users users, Capabilities capabilities, OrganizationSiem siem) {
        this.trail = trail;
        this.users = users;
        this.capabilities = capabilities;
        this.siem = siem;
    }

    @GetMapping("/orgs/{orgId}/audit")
    String list(Actor actor, @PathVariable OrgId orgId, @RequestParam(required = false) String from,
                @RequestParam(required = false) String to, @RequestParam(required = false) String actorId,
                @RequestParam(required = false) String action, @RequestParam(required = false) String outcome,
                @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "false") boolean verify,
                Model model) {
        AuditFilter filter = filter(from, to, actorId, action, outcome);
        model.addAttribute("records", trail.search(actor, orgId, filter, page, PAGE_SIZE));
        boolean own = capabilities.has(actor, Permission.AUDIT_VIEW, orgId);
        Map<UUID, String> names = new HashMap<>(users.displayNames(actor, actor.requireOrganization()));
        if (own) {
            names.putAll(users.displayNames(actor, orgId));
            // walking the whole chain costs a read of every record: only when asked
            model.addAttribute("verification", verify ? trail.verify(actor, orgId) : null);
            model.addAttribute("retentionDays", trail.retentionDays(actor, orgId));
            model.addAttribute("siem", siem.target(actor, orgId).orElse(null));
        }
        model.addAttribute("own", own);
        model.addAttribute("canManage", own && capabilities.has(actor, Permission.SETTINGS_MANAGE, orgId));
        model.addAttribute("names", names);
        model.addAttribute("orgId", orgId);
        model.addAttribute("query", Map.of("from", blank(from), "to", blank(to), "actorId", blank(actorId),
                "action", blank(action), "outcome", blank(outcome)));
        return "audit/list";
    }

    @GetMapping("/orgs/{orgId}/audit/export")
    void export(Actor actor, @PathVariable OrgId orgId, @RequestParam(required = false) String from,
                @RequestParam(required = false) String to, @RequestParam(required = false) String actorId,
                @RequestParam(required = false) String action, @RequestParam(required = false) String outcome,
                HttpServletResponse response) throws IOException {
        AuditFilter filter = filter(from, to, actorId, action, outcome);
        trail.checkReadable(actor, orgId, filter);
        response.setContentType("text/csv; charset=UTF-8; header=present");
        response.setHeader("Content-Disposition", "attachment; filename=\"audit-" + orgId + ".csv\"");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        trail.exportCsv(actor, orgId, filter, response.getWriter());
    }

    @PostMapping("/orgs/{orgId}/audit/retention")
    String retention(Actor actor, @PathVariable OrgId orgId, @RequestParam(defaultValue = "") String retentionDays,
                     RedirectAttributes flash) {
        return Forms.change(flash, "/orgs/" + orgId + "/audit", "audit.retentionSaved",
                () -> trail.setRetentionDays(actor, orgId, days(retentionDays)));
    }

    /** The form's values come back with the page, so a refused one can be corrected rather than typed again. */
    @PostMapping("/orgs/{orgId}/audit/siem")
    String setSiem(Actor actor, @PathVariable OrgId orgId, @RequestParam(defaultValue = "") String host,
                   @RequestParam(defaultValue = "") String port, @RequestParam(defaultValue = "CEF") String format,
                   @RequestParam(defaultValue = "") String trustedCertificates, RedirectAttributes flash) {
        flash.addFlashAttribute("siemForm", Map.of("host", host, "port", port, "format", format,
                "trustedCertificates", trustedCertificates));
        return Forms.change(flash, "/orgs/" + orgId + "/audit#siem", "audit.siem.saved",
                () -> siem.set(actor, orgId, new OrganizationSiemSettings(host, port(port), format, trustedCertificates)));
    }

    @PostMapping("/orgs/{orgId}/audit/siem/remove")
    String removeSiem(Actor actor, @PathVariable OrgId orgId, RedirectAttributes flash) {
        return Forms.change(flash, "/orgs/" + orgId + "/audit#siem", "audit.siem.removed", () -> siem.remove(actor, orgId));
    }

    private static Integer port(String text) {
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("port", "problem.siem.port", "the port is a number from 1 to 65535");
        }
    }

    private static AuditFilter filter(String from, String to, String actorId, String action, String outcome) {
        LocalDate fromDay = day("from", from);
        LocalDate toDay = day("to", to);
        UUID actor;
        try {
            actor = blank(actorId).isEmpty() ? null : UUID.fromString(actorId.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("actorId", "problem.audit.actorId", "an actor is given by the id shown in the list");
        }
        return new AuditFilter(fromDay == null ? null : fromDay.atStartOfDay(ZoneOffset.UTC).toInstant(),
                toDay == null ? null : toDay.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), actor,
                Forms.blankToNull(action), Forms.blankToNull(outcome));
    }

    private static LocalDate day(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "problem.audit.day", "a day is written as YYYY-MM-DD");
        }
    }

    private static int days(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("retentionDays", "problem.audit.retentionNumber", "the retention is a whole number of days");
        }
    }

    private static String blank(String text) {
        return text == null ? "" : text.strip();
    }
}
