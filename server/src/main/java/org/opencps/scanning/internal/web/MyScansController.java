package org.opencps.scanning.internal.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.opencps.platform.security.Actor;
import org.opencps.scanning.Scan;
import org.opencps.scanning.Scans;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** My scans: the person's own scans in the organization they work in; nobody else's, whoever asks. */
@RestController
@RequestMapping("/api/v1/scans")
@Tag(name = "Scans", description = "Your own scans (My scans) and their delivery")
class MyScansController {

    private final Scans scans;

    MyScansController(Scans scans) {
        this.scans = scans;
    }

    @GetMapping
    @Operation(summary = "Your scans, newest first, with their delivery state")
    List<Scan> mine(@Parameter(hidden = true) Actor actor) {
        return scans.mine(actor);
    }

    @GetMapping("/{scanId}")
    @Operation(summary = "One of your scans")
    Scan get(@Parameter(hidden = true) Actor actor, @PathVariable UUID scanId) {
        return scans.get(actor, scanId);
    }

    @GetMapping("/{scanId}/document")
    @Operation(summary = "The scanned document, decrypted as it streams, while it is kept")
    void document(@Parameter(hidden = true) Actor actor, @PathVariable UUID scanId, HttpServletResponse response) throws IOException {
        Scan scan = scans.get(actor, scanId);
        try (InputStream in = scans.document(actor, scanId)) {
            response.setContentType(scan.format().mediaType());
            response.setHeader("Content-Disposition",
                    ContentDisposition.attachment().filename(scan.fileName(), StandardCharsets.UTF_8).build().toString());
            response.setHeader("Cache-Control", "no-store");
            OutputStream out = response.getOutputStream();
            in.transferTo(out);
            out.flush();
        }
    }

    @DeleteMapping("/{scanId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete one of your scans and its document now")
    void delete(@Parameter(hidden = true) Actor actor, @PathVariable UUID scanId) {
        scans.delete(actor, scanId);
    }

    @PostMapping("/{scanId}/retry")
    @Operation(summary = "Try a failed delivery again, while the scan is kept")
    Scan retry(@Parameter(hidden = true) Actor actor, @PathVariable UUID scanId) {
        return scans.retry(actor, scanId);
    }
}
