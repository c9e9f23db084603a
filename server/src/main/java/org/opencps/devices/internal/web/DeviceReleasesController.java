package org.opencps.devices.internal.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import org.opencps.devices.DeviceLogins;
import org.opencps.devices.DevicePrincipal;
import org.opencps.devices.DeviceRegistrations;
import org.opencps.devices.DeviceReleases;
import org.opencps.devices.ReleaseResult;
import org.opencps.devices.ReleaseTicket;
import org.opencps.platform.errors.InvalidInputException;
import org.opencps.platform.ids.DeviceId;
import org.opencps.printing.JobId;
import org.opencps.printing.PrintOutcome;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Release at the printer, and the printer's side of releases: waiting jobs, their documents, outcomes (docs/device-api.md). */
@Tag(name = "Device API", description = "What printers' embedded apps and edge agents call, with the device credential")
@RestController
@RequestMapping("/api/device/v1/devices/{device}")
class DeviceReleasesController {

    private final DeviceRegistrations registrations;
    private final DeviceLogins logins;
    private final DeviceReleases releases;

    DeviceReleasesController(DeviceRegistrations registrations, DeviceLogins logins, DeviceReleases releases) {
        this.registrations = registrations;
        this.logins = logins;
        this.releases = releases;
    }

    /** {@code success} is required; page figures left out are 0. */
    record OutcomeBody(Boolean success, Integer pagesPrinted, Integer colorPages, Integer monochromePages,
                       Boolean sheetsDuplex, String message) {

        PrintOutcome outcome() {
            if (success == null) {
                throw new InvalidInputException("success", "problem.outcome.missing", "say whether the job printed: success true or false");
            }
            return new PrintOutcome(success, zero(pagesPrinted), zero(colorPages), zero(monochromePages),
                    Boolean.TRUE.equals(sheetsDuplex), message);
        }

        private static int zero(Integer value) {
            return value == null ? 0 : value;
        }
    }

    @PostMapping("/sessions/current/releases")
    @Operation(summary = "The person logged in here releases jobs to this printer; each is released whole or refused with the reason")
    ReleaseResult releaseHere(@Parameter(hidden = true) DevicePrincipal caller, @PathVariable DeviceId device,
                              @RequestBody ReleaseRequest body, HttpServletRequest request) {
        var session = logins.session(registrations.actAs(caller, device),
                request.getHeader(DeviceSessionsController.SESSION_HEADER), request.getRemoteAddr());
        return releases.releaseAtPrinter(session, body.jobIds(), body.options(), request.getRemoteAddr());
    }

    @GetMapping("/releases")
    @Operation(summary = "Jobs released to this printer and not yet reported, oldest first")
    List<ReleaseTicket> waiting(@Parameter(hidden = true) DevicePrincipal caller, @PathVariable DeviceId device) {
        return releases.waiting(registrations.actAs(caller, device));
    }

    @GetMapping("/releases/{jobId}/document")
    @Operation(summary = "The released job's document, decrypted as it streams")
    void document(@Parameter(hidden = true) DevicePrincipal caller, @PathVariable DeviceId device,
                  @PathVariable JobId jobId, HttpServletRequest request, HttpServletResponse response) throws IOException {
        var document = releases.document(registrations.actAs(caller, device), jobId, request.getRemoteAddr());
        try (InputStream in = document.content()) {
            response.setContentType(document.mediaType());
            response.setHeader("Cache-Control", "no-store");
            OutputStream out = response.getOutputStream();
            in.transferTo(out);
            out.flush();
        }
    }

    @PostMapping("/releases/{jobId}/outcome")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "What the printer did: success deletes the document, failure holds the job again")
    void outcome(@Parameter(hidden = true) DevicePrincipal caller, @PathVariable DeviceId device, @PathVariable JobId jobId,
                 @RequestBody OutcomeBody body, HttpServletRequest request) {
        releases.reportOutcome(registrations.actAs(caller, device), jobId, body.outcome(), request.getRemoteAddr());
    }
}
