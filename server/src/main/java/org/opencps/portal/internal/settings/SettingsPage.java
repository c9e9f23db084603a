package org.opencps.portal.internal.settings;

import jakarta.servlet.http.HttpServletRequest;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.opencps.access.Capabilities;
import org.opencps.access.Permission;
import org.opencps.platform.errors.InvalidInputException;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.OrgKind;
import org.opencps.platform.security.Actor;
import org.opencps.platform.text.SpokenLanguages;
import org.opencps.portal.internal.web.Forms;
import org.opencps.printing.DocumentFormat;
import org.opencps.printing.PrintAdministration;
import org.opencps.printing.PrintSettings;
import org.opencps.tenancy.DeviceLoginMethod;
import org.opencps.tenancy.OrganizationSettings;
import org.opencps.tenancy.Organizations;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An organization's settings: idle logout, job retention, the IP allow-list, the ways to log in at
 * printers and, for a customer, its print settings. Who may only see them gets the same page without the save buttons.
 */
@Controller
class SettingsPage {

    private final Organizations organizations;
    private final PrintAdministration printing;
    private final Capabilities capabilities;

    SettingsPage(Organizations organizations, PrintAdministration printing, Capabilities capabilities) {
        this.organizations = organizations;
        this.printing = printing;
        this.capabilities = capabilities;
    }

    @GetMapping("/orgs/{orgId}/settings")
    String settings(Actor actor, @PathVariable OrgId orgId, HttpServletRequest request, Model model) {
        OrganizationSettings settings = organizations.settings(actor, orgId);
        model.addAttribute("settings", settings);
        model.addAttribute("ipAllowListText", String.join("\n", settings.ipAllowList()));
        model.addAttribute("loginMethods", DeviceLoginMethod.values());
        model.addAttribute("timeZones", new TreeSet<>(ZoneId.getAvailableZoneIds()));
        model.addAttribute("languages", SpokenLanguages.ALL.stream().map(Locale::getLanguage).toList());
        model.addAttribute("clientAddress", request.getRemoteAddr());
        boolean customer = organizations.get(actor, orgId).kind() == OrgKind.CUSTOMER;
        model.addAttribute("customer", customer);
        model.addAttribute("print", customer ? printing.settings(actor, orgId) : null);
        model.addAttribute("formats", DocumentFormat.values());
        model.addAttribute("canManage", capabilities.has(actor, Permission.SETTINGS_MANAGE, orgId));
        model.addAttribute("orgId", orgId);
        return "settings/settings";
    }

    @PostMapping("/orgs/{orgId}/settings")
    String save(Actor actor, @PathVariable OrgId orgId, @RequestParam(defaultValue = "") String idleLogoutMinutes,
                @RequestParam(defaultValue = "") String jobRetentionHours, @RequestParam(defaultValue = "") String ipAllowList,
                @RequestParam(required = false) List<String> deviceLoginMethods,
                @RequestParam(defaultValue = "") String timeZone, @RequestParam(defaultValue = "") String defaultLanguage,
                HttpServletRequest request, RedirectAttributes flash) {
        return Forms.change(flash, "/orgs/" + orgId + "/settings", "settings.saved", () ->
                organizations.updateSettings(actor, orgId, new OrganizationSettings(
                        number("idleLogoutMinutes", idleLogoutMinutes), number("jobRetentionHours", jobRetentionHours),
                        List.of(ipAllowList.split("[\\s,]+")), loginMethods(deviceLoginMethods), timeZone,
                        defaultLanguage),
                        request.getRemoteAddr()));
    }

    /** Holding and the print policies: forced black and white or duplex, pages per job, document formats. */
    @PostMapping("/orgs/{orgId}/print-settings")
    String savePrint(Actor actor, @PathVariable OrgId orgId, @RequestParam(defaultValue = "false") boolean holdJobs,
                     @RequestParam(defaultValue = "false") boolean forceMonochrome,
                     @RequestParam(defaultValue = "false") boolean forceDuplex,
                     @RequestParam(defaultValue = "") String maxPagesPerJob,
                     @RequestParam(required = false) List<String> allowedFormats, RedirectAttributes flash) {
        return Forms.change(flash, "/orgs/" + orgId + "/settings", "settings.saved",
                () -> printing.updateSettings(actor, orgId, new PrintSettings(holdJobs, forceMonochrome, forceDuplex,
                        maxPagesPerJob.isBlank() ? null : number("maxPagesPerJob", maxPagesPerJob), formats(allowedFormats))));
    }

    private static Set<DocumentFormat> formats(List<String> names) {
        if (names == null || names.isEmpty()) {
            throw new InvalidInputException("allowedFormats", "problem.print.noFormat", "allow at least one document format");
        }
        Set<DocumentFormat> formats = EnumSet.noneOf(DocumentFormat.class);
        for (String name : names) {
            try {
                formats.add(DocumentFormat.valueOf(name));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("allowedFormats", "problem.print.unknownFormat", "unknown document format " + name, name);
            }
        }
        return formats;
    }

    /** None ticked is an empty set, which the face refuses with its reason. */
    private static Set<DeviceLoginMethod> loginMethods(List<String> names) {
        Set<DeviceLoginMethod> methods = EnumSet.noneOf(DeviceLoginMethod.class);
        for (String name : names == null ? List.<String>of() : names) {
            try {
                methods.add(DeviceLoginMethod.valueOf(name));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("deviceLoginMethods", "problem.settings.unknownLoginMethod", "unknown way to log in at printers: " + name, name);
            }
        }
        return methods;
    }

    private static int number(String field, String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "problem.wholeNumber", "a whole number is needed here");
        }
    }
}
