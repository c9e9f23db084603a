package org.opencps.devices.internal.web;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import org.opencps.devices.DeviceLogin;
import org.opencps.devices.DeviceLogins;
import org.opencps.devices.DevicePrincipal;
import org.opencps.devices.DeviceRegistrations;
import org.opencps.devices.DeviceSession;
import org.opencps.devices.StartedDeviceSession;
import org.opencps.identity.IdCard;
import org.opencps.platform.ids.DeviceId;
import org.opencps.printing.JobId;
import org.opencps.printing.JobTicket;
import org.opencps.printing.PrintJob;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A person at a printer: login, logout, their held jobs, a card registered there (docs/device-api.md). */
@Tag(name = "Device API", description = "What printers' embedded apps and edge agents call, with the device credential")
@RestController
@RequestMapping("/api/device/v1/devices/{device}/sessions")
class DeviceSessionsController {

    static final String SESSION_HEADER = "X-OpenCPS-Session";

    private final DeviceRegistrations registrations;
    private final DeviceLogins logins;

    DeviceSessionsController(DeviceRegistrations registrations, DeviceLogins logins) {
        this.registrations = registrations;
        this.logins = logins;
    }

    record HeldJob(JobId jobId, String name, int pages, int copies, JobTicket.ColorMode colorMode, JobTicket.Sides sides,
                   String media, Instant submittedAt) {

        static HeldJob of(PrintJob job) {
            return new HeldJob(job.id(), job.name(), job.pages(), job.copies(), job.colorMode(), job.sides(), job.media(),
                    job.submittedAt());
        }
    }

    record NewCard(String cardNumber, String label) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    StartedDeviceSession login(@Parameter(hidden = true) DevicePrincipal caller, @PathVariable DeviceId device,
                               @RequestBody DeviceLogin body, HttpServletRequest request) {
        return logins.login(registrations.actAs(caller, device), body, request.getRemoteAddr());
    }

    @DeleteMapping("/current")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void logout(@Parameter(hidden = true) DevicePrincipal caller, @PathVariable DeviceId device, HttpServletRequest request) {
        logins.logout(session(caller, device, request));
    }

    @GetMapping("/current/jobs")
    List<HeldJob> jobs(@Parameter(hidden = true) DevicePrincipal caller, @PathVariable DeviceId device,
                       HttpServletRequest request) {
        return logins.heldJobs(session(caller, device, request)).stream().map(HeldJob::of).toList();
    }

    @PostMapping("/current/cards")
    @ResponseStatus(HttpStatus.CREATED)
    IdCard registerCard(@Parameter(hidden = true) DevicePrincipal caller, @PathVariable DeviceId device,
                        @RequestBody NewCard body, HttpServletRequest request) {
        return logins.registerCard(session(caller, device, request), body.cardNumber(), body.label());
    }

    private DeviceSession session(DevicePrincipal caller, DeviceId device, HttpServletRequest request) {
        return logins.session(registrations.actAs(caller, device), request.getHeader(SESSION_HEADER), request.getRemoteAddr());
    }
}
