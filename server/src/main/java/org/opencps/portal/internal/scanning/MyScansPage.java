package org.opencps.portal.internal.scanning;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.opencps.platform.security.Actor;
import org.opencps.portal.internal.web.Forms;
import org.opencps.scanning.Scan;
import org.opencps.scanning.Scans;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * My scans: the person's own scans with their delivery state; download while kept, delete, and
 * retry a failed delivery. Anyone else's scan is a 404 (the face's rule), admins included.
 */
@Controller
class MyScansPage {

    private static final String PAGE = "/scans";

    private final Scans scans;

    MyScansPage(Scans scans) {
        this.scans = scans;
    }

    @GetMapping(PAGE)
    String page(Actor actor, Model model) {
        model.addAttribute("scans", scans.mine(actor));
        return "scanning/mine";
    }

    @GetMapping(PAGE + "/{scanId}/document")
    ResponseEntity<InputStreamResource> download(Actor actor, @PathVariable UUID scanId) {
        Scan scan = scans.get(actor, scanId);
        InputStream document = scans.document(actor, scanId);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(scan.format().mediaType()))
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(scan.fileName(), StandardCharsets.UTF_8).build().toString())
                .body(new InputStreamResource(document));
    }

    @PostMapping(PAGE + "/{scanId}/delete")
    String delete(Actor actor, @PathVariable UUID scanId, RedirectAttributes flash) {
        return Forms.change(flash, PAGE, "scans.deleted", () -> scans.delete(actor, scanId));
    }

    @PostMapping(PAGE + "/{scanId}/retry")
    String retry(Actor actor, @PathVariable UUID scanId, RedirectAttributes flash) {
        return Forms.change(flash, PAGE, "scans.retried", () -> scans.retry(actor, scanId));
    }
}
