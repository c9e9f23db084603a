package org.opencps.devices.internal.web;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.opencps.devices.DeviceGroup;
import org.opencps.devices.DeviceGroups;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Devices", description = "An organization's printers and edge agents, for those with device permissions")
@RestController
@RequestMapping("/api/v1/organizations/{orgId}/devices/groups")
class DeviceGroupsController {

    private final DeviceGroups groups;

    DeviceGroupsController(DeviceGroups groups) {
        this.groups = groups;
    }

    record GroupName(String name) {
    }

    @GetMapping
    List<DeviceGroup> list(@Parameter(hidden = true) Actor actor, @PathVariable OrgId orgId) {
        return groups.list(actor, orgId);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    DeviceGroup create(@Parameter(hidden = true) Actor actor, @PathVariable OrgId orgId, @RequestBody GroupName body) {
        return groups.create(actor, orgId, body.name());
    }

    @PatchMapping("/{deviceGroupId}")
    DeviceGroup rename(@Parameter(hidden = true) Actor actor, @PathVariable OrgId orgId, @PathVariable UUID deviceGroupId,
                       @RequestBody GroupName body) {
        return groups.rename(actor, orgId, deviceGroupId, body.name());
    }

    @DeleteMapping("/{deviceGroupId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@Parameter(hidden = true) Actor actor, @PathVariable OrgId orgId, @PathVariable UUID deviceGroupId) {
        groups.delete(actor, orgId, deviceGroupId);
    }
}
