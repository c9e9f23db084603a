package org.opencps.portal.internal.devices;

import java.util.UUID;
import org.opencps.access.Capabilities;
import org.opencps.access.Permission;
import org.opencps.devices.DeviceGroups;
import org.opencps.devices.Devices;
import org.opencps.platform.ids.DeviceId;
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
 * One device: its status and counters, its security settings against the baseline, the QR code of
 * its release page (for a sticker on the printer), and name, location, group, unregistering and
 * removing it.
 */
@Controller
class DevicePage {

    private final Devices devices;
    private final DeviceGroups groups;
    private final Capabilities capabilities;

    DevicePage(Devices devices, DeviceGroups groups, Capabilities capabilities) {
        this.devices = devices;
        this.groups = groups;
        this.capabilities = capabilities;
    }

    @GetMapping("/orgs/{orgId}/devices/{deviceId}")
    String device(Actor actor, @PathVariable OrgId orgId, @PathVariable DeviceId deviceId, Model model) {
        var device = devices.get(actor, orgId, deviceId);
        model.addAttribute("device", device);
        model.addAttribute("baseline", devices.baseline(actor, orgId).asBaseline());
        model.addAttribute("groups", groups.list(actor, orgId));
        model.addAttribute("canEdit", capabilities.has(actor, Permission.DEVICES_EDIT, orgId));
        model.addAttribute("canUnregister", device.active() && capabilities.has(actor, Permission.DEVICES_REGISTER, orgId));
        model.addAttribute("canRemove", capabilities.has(actor, Permission.DEVICES_REMOVE, orgId));
        model.addAttribute("orgId", orgId);
        return "devices/device";
    }

    @PostMapping("/orgs/{orgId}/devices/{deviceId}")
    String update(Actor actor, @PathVariable OrgId orgId, @PathVariable DeviceId deviceId,
                  @RequestParam(defaultValue = "") String name, @RequestParam(required = false) String location,
                  @RequestParam(required = false) UUID groupId, RedirectAttributes flash) {
        return Forms.change(flash, page(orgId, deviceId), "devices.saved",
                () -> devices.update(actor, orgId, deviceId, name, Forms.blankToNull(location), groupId));
    }

    @PostMapping("/orgs/{orgId}/devices/{deviceId}/unregister")
    String unregister(Actor actor, @PathVariable OrgId orgId, @PathVariable DeviceId deviceId, RedirectAttributes flash) {
        return Forms.change(flash, page(orgId, deviceId), "devices.unregistered", () -> devices.unregister(actor, orgId, deviceId));
    }

    @PostMapping("/orgs/{orgId}/devices/{deviceId}/remove")
    String remove(Actor actor, @PathVariable OrgId orgId, @PathVariable DeviceId deviceId, RedirectAttributes flash) {
        return Forms.change(flash, DevicesPage.page(orgId), "devices.removed", () -> devices.remove(actor, orgId, deviceId));
    }

    private static String page(OrgId orgId, DeviceId deviceId) {
        return DevicesPage.page(orgId) + "/" + deviceId;
    }
}
