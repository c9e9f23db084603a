package org.opencps.devices.internal.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.opencps.devices.DeviceReleases;
import org.opencps.devices.ReleasePrinter;
import org.opencps.devices.ReleaseResult;
import org.opencps.platform.ids.DeviceId;
import org.opencps.platform.security.Actor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** "Release at printer X" from the portal, a phone or the API, with the person's own session or API token. */
@Tag(name = "Release at a printer", description = "Your held jobs, released to a printer of your organization")
@RestController
class PersonReleasesController {

    private final DeviceReleases releases;

    PersonReleasesController(DeviceReleases releases) {
        this.releases = releases;
    }

    @PostMapping("/api/v1/devices/{device}/releases")
    @Operation(summary = "Release your held jobs to this printer; each is released whole or refused with the reason")
    ReleaseResult release(@Parameter(hidden = true) Actor actor, @PathVariable DeviceId device, @RequestBody ReleaseRequest body,
                          HttpServletRequest request) {
        return releases.releaseToPrinter(actor, device, body.jobIds(), body.options(), request.getRemoteAddr());
    }

    @GetMapping("/api/v1/release-printers")
    @Operation(summary = "The printers of your organization you may release to (id, name and location)")
    List<ReleasePrinter> printers(@Parameter(hidden = true) Actor actor) {
        return releases.releasePrinters(actor);
    }
}
