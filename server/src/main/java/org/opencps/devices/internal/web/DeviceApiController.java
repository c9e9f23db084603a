package org.opencps.devices.internal.web;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.opencps.devices.DeviceHeartbeats;
import org.opencps.devices.DevicePrincipal;
import org.opencps.devices.DeviceRegistration;
import org.opencps.devices.DeviceRegistrations;
import org.opencps.devices.Heartbeat;
import org.opencps.devices.HeartbeatAnswer;
import org.opencps.devices.NewPrinter;
import org.opencps.devices.RegisteredDevice;
import org.opencps.platform.ids.DeviceId;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The Device API: registration, the credential, an agent's printers and heartbeats (docs/device-api.md). */
@Tag(name = "Device API", description = "What printers' embedded apps and edge agents call, with the device credential")
@RestController
@RequestMapping("/api/device/v1")
class DeviceApiController {

    private final DeviceRegistrations registrations;
    private final DeviceHeartbeats heartbeats;

    DeviceApiController(DeviceRegistrations registrations, DeviceHeartbeats heartbeats) {
        this.registrations = registrations;
        this.heartbeats = heartbeats;
    }

    @PostMapping("/registrations")
    @ResponseStatus(HttpStatus.CREATED)
    RegisteredDevice register(@RequestBody DeviceRegistration body, HttpServletRequest request) {
        return registrations.register(body, request.getRemoteAddr());
    }

    @PostMapping("/credential")
    Map<String, String> rotate(@Parameter(hidden = true) DevicePrincipal device, HttpServletRequest request) {
        return Map.of("credential", registrations.rotateCredential(device, request.getRemoteAddr()));
    }

    @PostMapping("/printers")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, DeviceId> addPrinter(@Parameter(hidden = true) DevicePrincipal agent, @RequestBody NewPrinter body,
                                     HttpServletRequest request) {
        return Map.of("deviceId", registrations.addPrinter(agent, body, request.getRemoteAddr()));
    }

    @PostMapping("/devices/{device}/heartbeat")
    HeartbeatAnswer heartbeat(@Parameter(hidden = true) DevicePrincipal caller, @PathVariable DeviceId device,
                              @RequestBody Heartbeat body) {
        return heartbeats.record(registrations.actAs(caller, device), body);
    }
}
