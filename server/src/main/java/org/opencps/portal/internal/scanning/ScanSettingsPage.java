package org.opencps.portal.internal.scanning;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.opencps.access.Capabilities;
import org.opencps.access.Permission;
import org.opencps.platform.errors.InvalidInputException;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.opencps.portal.internal.web.Forms;
import org.opencps.scanning.DestinationKind;
import org.opencps.scanning.ScanAdministration;
import org.opencps.scanning.ScanSettings;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An organization's scan settings: the destination kinds allowed, typed addresses at the device,
 * retention, the largest scan and the largest attachment (in MiB here), Box direct. Who may only
 * see them gets the page without the save button.
 */
@Controller
class ScanSettingsPage {

    static final long MIB = 1024L * 1024;

    private final ScanAdministration administration;
    private final Capabilities capabilities;

    ScanSettingsPage(ScanAdministration administration, Capabilities capabilities) {
        this.administration = administration;
        this.capabilities = capabilities;
    }

    @GetMapping("/orgs/{orgId}/scan-settings")
    String page(Actor actor, @PathVariable OrgId orgId, Model model) {
        ScanSettings settings = administration.settings(actor, orgId);
        model.addAttribute("settings", settings);
        model.addAttribute("maxScanMib", settings.maxScanBytes() / MIB);
        model.addAttribute("attachmentLimitMib", settings.attachmentLimitBytes() / MIB);
        model.addAttribute("largestScanMib", administration.largestMaxScanBytes() / MIB);
        model.addAttribute("largestAttachmentMib", ScanSettings.MAX_ATTACHMENT_BYTES / MIB);
        model.addAttribute("maxRetentionHours", ScanSettings.MAX_RETENTION_HOURS);
        model.addAttribute("kinds", DestinationKind.values());
        model.addAttribute("canManage", capabilities.has(actor, Permission.SETTINGS_MANAGE, orgId));
        model.addAttribute("orgId", orgId);
        return "scanning/settings";
    }

    @PostMapping("/orgs/{orgId}/scan-settings")
    String save(Actor actor, @PathVariable OrgId orgId, @RequestParam(required = false) List<String> allowedDestinations,
                @RequestParam(defaultValue = "false") boolean directEmailAllowed,
                @RequestParam(defaultValue = "") String retentionHours, @RequestParam(defaultValue = "") String maxScanMib,
                @RequestParam(defaultValue = "") String attachmentLimitMib,
                @RequestParam(defaultValue = "false") boolean boxDirect, RedirectAttributes flash) {
        return Forms.change(flash, "/orgs/" + orgId + "/scan-settings", "scanSettings.saved", () ->
                administration.updateSettings(actor, orgId, new ScanSettings(kinds(allowedDestinations), directEmailAllowed,
                        (int) number("retentionHours", retentionHours), number("maxScanBytes", maxScanMib) * MIB,
                        number("attachmentLimitBytes", attachmentLimitMib) * MIB, boxDirect)));
    }

    /** None ticked is an empty set: nobody may scan until a kind is allowed again. */
    private static Set<DestinationKind> kinds(List<String> names) {
        Set<DestinationKind> kinds = EnumSet.noneOf(DestinationKind.class);
        for (String name : names == null ? List.<String>of() : names) {
            try {
                kinds.add(DestinationKind.valueOf(name));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("allowedDestinations", "problem.scan.unknownDestination", "unknown destination kind " + name, name);
            }
        }
        return kinds;
    }

    private static long number(String field, String text) {
        try {
            long value = Long.parseLong(text.strip());
            if (value < 0 || value > Integer.MAX_VALUE) {
                throw new InvalidInputException(field, "problem.wholeNumberFromZero", "a whole number from 0 is needed here");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "problem.wholeNumber", "a whole number is needed here");
        }
    }
}
