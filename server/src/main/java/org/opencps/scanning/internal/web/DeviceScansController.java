package org.opencps.scanning.internal.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.util.UUID;
import org.opencps.devices.DeviceLogins;
import org.opencps.devices.DevicePrincipal;
import org.opencps.devices.DeviceRegistrations;
import org.opencps.devices.DeviceSession;
import org.opencps.platform.ids.DeviceId;
import org.opencps.scanning.Scan;
import org.opencps.scanning.ScanChoices;
import org.opencps.scanning.ScanFormat;
import org.opencps.scanning.ScanRequest;
import org.opencps.scanning.Scans;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Scanning at a device (docs/device-api.md, "Scanning"): the person logged in there asks where
 * they may scan to, uploads each scanned document as the raw request body (its Content-Type is
 * application/pdf or image/jpeg; it streams into the encrypted store, never held whole), and polls
 * its delivery. The upload is answered 202 as soon as the scan is stored and recorded.
 */
@Tag(name = "Device API", description = "What printers' embedded apps and edge agents call, with the device credential")
@RestController
@RequestMapping("/api/device/v1/devices/{device}/sessions/current")
class DeviceScansController {

    static final String SESSION_HEADER = "X-OpenCPS-Session";
    /** The password for an encrypted PDF travels in a header, so that it never lands in an access log's URL. */
    static final String PASSWORD_HEADER = "X-OpenCPS-Scan-Password";

    private final DeviceRegistrations registrations;
    private final DeviceLogins logins;
    private final Scans scans;

    DeviceScansController(DeviceRegistrations registrations, DeviceLogins logins, Scans scans) {
        this.registrations = registrations;
        this.logins = logins;
        this.scans = scans;
    }

    @GetMapping("/scan-destinations")
    @Operation(summary = "Where the person logged in here may scan to: destinations, address book, shared workflows with options")
    ScanChoices destinations(@Parameter(hidden = true) DevicePrincipal caller, @PathVariable DeviceId device,
                             HttpServletRequest request) {
        return scans.choices(session(caller, device, request));
    }

    @PostMapping(value = "/scans", consumes = MediaType.ALL_VALUE)
    @Operation(summary = "Upload a scanned document (raw body, application/pdf or image/jpeg) to a destination or workflow",
            description = "to: me, email, address (with address= an address-book name, or email= where typing an address is"
                    + " allowed), drive, onedrive, sharepoint, box, workflow (with workflow= its name). fileName: a pattern with"
                    + " {date} {time} {user} {device} {counter}. A password for an encrypted PDF goes in the "
                    + PASSWORD_HEADER + " header. Answers 202 with the scan; poll GET scans/{scanId} for its delivery.")
    ResponseEntity<Scan> upload(@Parameter(hidden = true) DevicePrincipal caller, @PathVariable DeviceId device,
                                @RequestParam(required = false) String to, @RequestParam(required = false) String address,
                                @RequestParam(required = false) String email, @RequestParam(required = false) String workflow,
                                @RequestParam(required = false) String fileName, HttpServletRequest request) throws IOException {
        DeviceSession session = session(caller, device, request);
        var scanRequest = new ScanRequest(to, address, email, workflow, format(request.getContentType()), fileName,
                request.getHeader(PASSWORD_HEADER));
        Scan scan = scans.upload(session, scanRequest, declaredLength(request), request.getInputStream(), request.getRemoteAddr());
        return ResponseEntity.accepted()
                .location(URI.create("/api/device/v1/devices/" + device + "/sessions/current/scans/" + scan.id()))
                .body(scan);
    }

    @GetMapping("/scans/{scanId}")
    @Operation(summary = "A scan the person logged in here made, with its delivery state")
    Scan scan(@Parameter(hidden = true) DevicePrincipal caller, @PathVariable DeviceId device, @PathVariable UUID scanId,
              HttpServletRequest request) {
        return scans.ofSession(session(caller, device, request), scanId);
    }

    private DeviceSession session(DevicePrincipal caller, DeviceId device, HttpServletRequest request) {
        return logins.session(registrations.actAs(caller, device), request.getHeader(SESSION_HEADER), request.getRemoteAddr());
    }

    private static ScanFormat format(String contentType) {
        if (contentType == null) {
            return null;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return ScanFormat.ofMediaType(type.getType() + "/" + type.getSubtype()).orElse(null);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The declared Content-Length, or -1 (chunked). */
    private static long declaredLength(HttpServletRequest request) {
        String header = request.getHeader("Content-Length");
        try {
            return header == null ? -1 : Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
