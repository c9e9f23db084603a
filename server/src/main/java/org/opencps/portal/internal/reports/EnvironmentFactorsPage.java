package org.opencps.portal.internal.reports;

import java.math.BigDecimal;
import org.opencps.access.Capabilities;
import org.opencps.access.Permission;
import org.opencps.platform.errors.InvalidInputException;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.opencps.portal.internal.web.Forms;
import org.opencps.reporting.EnvironmentFactorSettings;
import org.opencps.reporting.EnvironmentFactors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An organization's environmental factors beside the documented defaults: set by who manages its
 * settings, shown without the buttons to who only sees its reports or settings.
 */
@Controller
class EnvironmentFactorsPage {

    private final EnvironmentFactorSettings settings;
    private final Capabilities capabilities;

    EnvironmentFactorsPage(EnvironmentFactorSettings settings, Capabilities capabilities) {
        this.settings = settings;
        this.capabilities = capabilities;
    }

    @GetMapping("/orgs/{orgId}/environment-factors")
    String page(Actor actor, @PathVariable OrgId orgId, Model model) {
        model.addAttribute("view", settings.view(actor, orgId));
        model.addAttribute("canManage", capabilities.has(actor, Permission.SETTINGS_MANAGE, orgId));
        model.addAttribute("orgId", orgId);
        return "reports/environment-factors";
    }

    @PostMapping("/orgs/{orgId}/environment-factors")
    String save(Actor actor, @PathVariable OrgId orgId, @RequestParam(defaultValue = "") String gramsCo2PerSheet,
                @RequestParam(defaultValue = "") String litresWaterPerSheet, @RequestParam(defaultValue = "") String wattHoursPerSheet,
                @RequestParam(defaultValue = "") String gramsCo2PerColorPage,
                @RequestParam(defaultValue = "") String gramsCo2PerMonochromePage, RedirectAttributes flash) {
        return Forms.change(flash, back(orgId), "report.factorsSaved", () -> settings.set(actor, orgId, () -> new EnvironmentFactors(
                number("gramsCo2PerSheet", gramsCo2PerSheet), number("litresWaterPerSheet", litresWaterPerSheet),
                number("wattHoursPerSheet", wattHoursPerSheet), number("gramsCo2PerColorPage", gramsCo2PerColorPage),
                number("gramsCo2PerMonochromePage", gramsCo2PerMonochromePage))));
    }

    @PostMapping("/orgs/{orgId}/environment-factors/reset")
    String reset(Actor actor, @PathVariable OrgId orgId, RedirectAttributes flash) {
        return Forms.change(flash, back(orgId), "report.factorsReset", () -> settings.reset(actor, orgId));
    }

    /** Empty is "not given" (the face says so); a decimal comma is taken as a point (4,5 is 4.5). */
    private static BigDecimal number(String field, String text) {
        String given = Forms.blankToNull(text);
        if (given == null) {
            return null;
        }
        try {
            return new BigDecimal(given.indexOf('.') < 0 ? given.replace(',', '.') : given);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "problem.environment.notANumber", "not a number: " + given, given);
        }
    }

    private static String back(OrgId orgId) {
        return "/orgs/" + orgId + "/environment-factors";
    }
}
