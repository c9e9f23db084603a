package org.opencps.portal.internal.devices;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opencps.access.Capabilities;
import org.opencps.access.Permission;
import org.opencps.devices.ActivationCode;
import org.opencps.devices.ActivationCodes;
import org.opencps.devices.DeviceGroups;
import org.opencps.devices.Devices;
import org.opencps.devices.SecuritySettings;
import org.opencps.platform.errors.InvalidInputException;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.opencps.portal.internal.web.Forms;
import org.opencps.portal.internal.web.ShownOnce;
import org.opencps.tenancy.Organizations;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A customer's devices, for its admins and for the provider directly above it: the list with
 * status and security drift, activation codes (a new code is shown once, on the list the POST that
 * made it redirects to: see {@link ShownOnce}), device groups and the security baseline.
 */
@Controller
class DevicesPage {

    private static final String ISSUED = "activationCode";

    private final Devices devices;
    private final ActivationCodes codes;
    private final DeviceGroups groups;
    private final Organizations organizations;
    private final Capabilities capabilities;
    private final ShownOnce shownOnce;
    private final Clock clock;

    DevicesPage(Devices devices, ActivationCodes codes, DeviceGroups groups, Organizations organizations, Capabilities capabilities,
                ShownOnce shownOnce, Clock clock) {
        this.devices = devices;
        this.codes = codes;
        this.groups = groups;
        this.organizations = organizations;
        this.capabilities = capabilities;
        this.shownOnce = shownOnce;
        this.clock = clock;
    }

    /** An activation code as listed, with what became of it. */
    record CodeRow(ActivationCode code, ActivationCode.State state) {
    }

    /** A code just made, as the list shows it this once. */
    record NewCode(String code, Instant expiresAt) {
    }

    @GetMapping("/orgs/{orgId}/devices")
    String devices(Actor actor, @PathVariable OrgId orgId, Model model) {
        model.addAttribute("devices", devices.list(actor, orgId));
        boolean canRegister = capabilities.has(actor, Permission.DEVICES_REGISTER, orgId);
        model.addAttribute("org", organizations.get(actor, orgId));
        Instant now = clock.instant();
        model.addAttribute("codes", canRegister
                ? codes.list(actor, orgId).stream().map(code -> new CodeRow(code, code.stateAt(now))).toList() : List.of());
        model.addAttribute("groups", groups.list(actor, orgId));
        model.addAttribute("baseline", devices.baseline(actor, orgId).asBaseline());
        model.addAttribute("canRegister", canRegister);
        model.addAttribute("canEdit", capabilities.has(actor, Permission.DEVICES_EDIT, orgId));
        model.addAttribute("canGroup", capabilities.has(actor, Permission.DEVICE_GROUPS_MANAGE, orgId));
        model.addAttribute("orgId", orgId);
        shownOnce.take(model, actor, ISSUED).ifPresent(made ->
                model.addAttribute("issued", new NewCode(made.get("code"), Instant.parse(made.get("expiresAt")))));
        return "devices/list";
    }

    @PostMapping("/orgs/{orgId}/devices/activation-codes")
    String newCode(Actor actor, @PathVariable OrgId orgId, @RequestParam(defaultValue = "") String validityHours,
                   @RequestParam(required = false) String note, RedirectAttributes flash) {
        return Forms.change(flash, page(orgId), null, () -> {
            var issued = codes.create(actor, orgId, hours(validityHours), Forms.blankToNull(note));
            shownOnce.keep(flash, actor, ISSUED, Map.of("code", issued.code(),
                    "expiresAt", issued.activationCode().expiresAt().toString()));
        });
    }

    @PostMapping("/orgs/{orgId}/devices/activation-codes/{codeId}/revoke")
    String revokeCode(Actor actor, @PathVariable OrgId orgId, @PathVariable UUID codeId, RedirectAttributes flash) {
        return Forms.change(flash, page(orgId), "devices.codeRevoked", () -> codes.revoke(actor, orgId, codeId));
    }

    @PostMapping("/orgs/{orgId}/devices/baseline")
    String baseline(Actor actor, @PathVariable OrgId orgId, @RequestParam(required = false) List<String> required,
                    RedirectAttributes flash) {
        List<String> on = required == null ? List.of() : required;
        return Forms.change(flash, page(orgId), "devices.baselineSaved", () -> devices.setBaseline(actor, orgId,
                new SecuritySettings(on.contains("adminPasswordChanged"), on.contains("storageEncryption"),
                        on.contains("dataOverwrite"), on.contains("firmwareVerification"), on.contains("tlsOnly"))));
    }

    @PostMapping("/orgs/{orgId}/device-groups")
    String createGroup(Actor actor, @PathVariable OrgId orgId, @RequestParam(defaultValue = "") String name,
                       RedirectAttributes flash) {
        return Forms.change(flash, page(orgId), "devices.groupCreated", () -> groups.create(actor, orgId, name));
    }

    @PostMapping("/orgs/{orgId}/device-groups/{deviceGroupId}/delete")
    String deleteGroup(Actor actor, @PathVariable OrgId orgId, @PathVariable UUID deviceGroupId, RedirectAttributes flash) {
        return Forms.change(flash, page(orgId), "devices.groupDeleted", () -> groups.delete(actor, orgId, deviceGroupId));
    }

    static String page(OrgId orgId) {
        return "/orgs/" + orgId + "/devices";
    }

    /** Empty: the default validity. */
    private static Integer hours(String text) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("validityHours", "problem.device.validityWhole", "the validity is a whole number of hours");
        }
    }
}
