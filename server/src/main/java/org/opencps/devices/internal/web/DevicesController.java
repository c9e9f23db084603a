package org.opencps.devices.internal.web;

import com.fasterxml.jackson.annotation.JsonSetter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.opencps.devices.Device;
import org.opencps.devices.Devices;
import org.opencps.devices.SecuritySettings;
import org.opencps.platform.config.PublicUrl;
import org.opencps.platform.ids.DeviceId;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.qr.QrPng;
import org.opencps.platform.security.Actor;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Devices", description = "An organization's printers and edge agents, for those with device permissions")
@RestController
@RequestMapping("/api/v1/organizations/{orgId}/devices")
class DevicesController {

    private final Devices devices;
    private final PublicUrl publicUrl;

    DevicesController(Devices devices, PublicUrl publicUrl) {
        this.devices = devices;
        this.publicUrl = publicUrl;
    }

    @GetMapping
    List<Device> list(@Parameter(hidden = true) Actor actor, @PathVariable OrgId orgId) {
        return devices.list(actor, orgId);
    }

    @GetMapping("/{deviceId}")
    Device get(@Parameter(hidden = true) Actor actor, @PathVariable OrgId orgId, @PathVariable DeviceId deviceId) {
        return devices.get(actor, orgId, deviceId);
    }

    /** Fields left out stay as they are; {@code "location": null} or {@code "groupId": null} clears them. */
    static final class DevicePatch {
        String name;
        boolean nameGiven;
        String location;
        boolean locationGiven;
        UUID groupId;
        boolean groupGiven;

        @JsonSetter("name")
        void name(String value) {
            name = value;
            nameGiven = true;
        }

        @JsonSetter("location")
        void location(String value) {
            location = value;
            locationGiven = true;
        }

        @JsonSetter("groupId")
        void groupId(UUID value) {
            groupId = value;
            groupGiven = true;
        }
    }

    @PatchMapping("/{deviceId}")
    @Operation(summary = "Rename, locate or move a device to a group; fields left out stay as they are")
    Device update(@Parameter(hidden = true) Actor actor, @PathVariable OrgId orgId, @PathVariable DeviceId deviceId,
                  @RequestBody DevicePatch patch) {
        Device current = devices.get(actor, orgId, deviceId);
        return devices.update(actor, orgId, deviceId, patch.nameGiven ? patch.name : current.name(),
                patch.locationGiven ? patch.location : current.location(), patch.groupGiven ? patch.groupId : current.groupId());
    }

    @DeleteMapping("/{deviceId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a device (an agent with its printers)")
    void remove(@Parameter(hidden = true) Actor actor, @PathVariable OrgId orgId, @PathVariable DeviceId deviceId) {
        devices.remove(actor, orgId, deviceId);
    }

    @PostMapping("/{deviceId}/unregister")
    @Operation(summary = "Revoke the device's credential; it stays listed until removed")
    Device unregister(@Parameter(hidden = true) Actor actor, @PathVariable OrgId orgId, @PathVariable DeviceId deviceId) {
        return devices.unregister(actor, orgId, deviceId);
    }

    @GetMapping(value = "/{deviceId}/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
    @Operation(summary = "A QR code of the printer's release page, to put on the printer")
    ResponseEntity<byte[]> qrCode(@Parameter(hidden = true) Actor actor, @PathVariable OrgId orgId,
                                  @PathVariable DeviceId deviceId) {
        Device device = devices.get(actor, orgId, deviceId);
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noStore())
                .body(QrPng.of(releasePage(device.id())));
    }

    @GetMapping("/baseline")
    SecuritySettings baseline(@Parameter(hidden = true) Actor actor, @PathVariable OrgId orgId) {
        return devices.baseline(actor, orgId);
    }

    @PutMapping("/baseline")
    @Operation(summary = "The security settings every device should have on (true = required)")
    SecuritySettings setBaseline(@Parameter(hidden = true) Actor actor, @PathVariable OrgId orgId,
                                 @RequestBody SecuritySettings body) {
        return devices.setBaseline(actor, orgId, body);
    }

    /** The portal page that releases a person's jobs to this printer. */
    String releasePage(DeviceId device) {
        return publicUrl.base() + "/release/" + device;
    }
}
