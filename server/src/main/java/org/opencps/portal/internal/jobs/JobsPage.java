package org.opencps.portal.internal.jobs;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.opencps.devices.DeviceReleases;
import org.opencps.platform.errors.InvalidInputException;
import org.opencps.platform.security.Actor;
import org.opencps.platform.web.StreamingMultipart;
import org.opencps.portal.internal.web.Forms;
import org.opencps.portal.internal.web.ProblemTexts;
import org.opencps.printing.DocumentFormat;
import org.opencps.printing.DocumentLimitExceededException;
import org.opencps.printing.InvalidDocumentException;
import org.opencps.printing.JobId;
import org.opencps.printing.JobTicket;
import org.opencps.printing.PrintJobs;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * My print jobs: the list (refreshed in the background), uploading a document, and deleting a
 * job. The upload streams the form's file part straight into the encrypted store, like the API's
 * upload: no servlet multipart handling, nothing spooled to disk, nothing held whole in memory.
 */
@Controller
class JobsPage {

    private final PrintJobs jobs;
    private final DeviceReleases releases;

    JobsPage(PrintJobs jobs, DeviceReleases releases) {
        this.jobs = jobs;
        this.releases = releases;
    }

    @GetMapping("/jobs")
    String list(Actor actor, Model model) {
        listed(actor, model);
        return "jobs/list";
    }

    /** The list alone, for htmx to refresh it. */
    @GetMapping("/jobs/list")
    String table(Actor actor, Model model) {
        listed(actor, model);
        return "jobs/list :: jobs";
    }

    /** My jobs, and the printers they can be released to. */
    private void listed(Actor actor, Model model) {
        model.addAttribute("jobs", jobs.mine(actor));
        model.addAttribute("printers", releases.releasePrinters(actor));
    }

    @GetMapping("/jobs/{jobId}")
    String job(Actor actor, @PathVariable JobId jobId, Model model) {
        model.addAttribute("job", jobs.get(actor, jobId));
        return "jobs/job";
    }

    /**
     * The upload (sent by htmx, which adds the CSRF header: the token cannot be read from a
     * multipart body without buffering it). Answers with the refreshed list and a message; a
     * refused document is a 422 whose fragment htmx shows all the same (one past a limit says which,
     * in the reader's language).
     */
    @PostMapping(value = "/jobs", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    String upload(Actor actor, HttpServletRequest request, HttpServletResponse response, Model model) throws IOException {
        try {
            MediaType type = MediaType.parseMediaType(request.getContentType());
            var part = StreamingMultipart.find(request.getInputStream(), type.getParameter("boundary"));
            if (part == null) {
                throw new InvalidInputException("file", "problem.upload.noFile", "choose a file to print");
            }
            String name = Forms.blankToNull(part.field("name"));
            var ticket = new JobTicket(name != null ? name : fileName(part.filename()), format(part.contentType()), copies(part.field("copies")),
                    choice(JobTicket.Sides.class, part.field("sides")), choice(JobTicket.ColorMode.class, part.field("colorMode")),
                    null, JobTicket.Source.PORTAL);
            var job = jobs.submit(actor, ticket, new BufferedInputStream(part.body(), 64 * 1024));
            model.addAttribute("uploadNotice", "jobs.uploaded");
            model.addAttribute("uploaded", job);
        } catch (DocumentLimitExceededException e) {
            response.setStatus(422);
            model.addAttribute("uploadRefusal", e.messageKey());
            model.addAttribute("uploadLimit", e.limit());
        } catch (InvalidInputException | InvalidDocumentException | StreamingMultipart.MalformedMultipartException e) {
            response.setStatus(422);
            model.addAttribute("uploadError", ProblemTexts.of(e));
        }
        listed(actor, model);
        return "jobs/list :: jobs";
    }

    @PostMapping("/jobs/{jobId}/delete")
    String delete(Actor actor, @PathVariable JobId jobId, RedirectAttributes flash) {
        return Forms.change(flash, "/jobs", "jobs.deleted", () -> jobs.delete(actor, jobId));
    }

    /** The portal takes what a browser sends for the formats it can print; anything else is refused by name. */
    private static DocumentFormat format(String contentType) {
        String base = contentType == null ? "" : contentType.split(";", 2)[0].trim();
        return DocumentFormat.ofMediaType(base).orElseThrow(() -> new InvalidInputException("file", "problem.upload.format",
                "upload a PDF or JPEG document (this file is " + (base.isEmpty() ? "of no known type" : base) + ")"));
    }

    private static int copies(String text) {
        if (text == null || text.isBlank()) {
            return 1;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("copies", "problem.job.copies", "copies must be a whole number between 1 and 999", 999);
        }
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(type.getSimpleName(), "problem.choice.offered", "not one of the choices offered");
        }
    }

    /**
     * The file's own name, without any folder a browser may send; at most 200 characters. Browsers
     * send it as UTF-8 bytes, which the multipart reader passes on one character per byte.
     */
    private static String fileName(String sent) {
        if (sent == null) {
            return null;
        }
        String decoded = new String(sent.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
        String base = decoded.substring(Math.max(decoded.lastIndexOf('/'), decoded.lastIndexOf('\\')) + 1).strip();
        return base.isEmpty() ? null : base.substring(0, Math.min(base.length(), 200));
    }
}
