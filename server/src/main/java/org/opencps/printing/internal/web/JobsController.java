package org.opencps.printing.internal.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.opencps.platform.errors.InvalidInputException;
import org.opencps.platform.security.Actor;
import org.opencps.platform.web.StreamingMultipart;
import org.opencps.printing.DocumentFormat;
import org.opencps.printing.DocumentTooLargeException;
import org.opencps.printing.JobId;
import org.opencps.printing.JobTicket;
import org.opencps.printing.PrintJob;
import org.opencps.printing.PrintJobs;
import org.opencps.printing.internal.PrintingProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The REST face of held print jobs. A document is sent as the raw request body (its Content-Type
 * names the format) or as the {@code file} part of multipart/form-data; either way it streams
 * straight into the encrypted store. Ticket fields are query parameters.
 */
@RestController
@RequestMapping("/api/v1/jobs")
@Tag(name = "Print jobs", description = "Your own held print jobs")
class JobsController {

    private final PrintJobs jobs;
    private final long maxDocumentSize;

    JobsController(PrintJobs jobs, PrintingProperties properties) {
        this.jobs = jobs;
        this.maxDocumentSize = properties.maxDocumentSize().toBytes();
    }

    @PostMapping
    @Operation(summary = "Submit a document (PDF, JPEG, PWG raster, URF) as a held job",
            description = "Body: the raw document with its Content-Type, or multipart/form-data with a 'file' part.")
    ResponseEntity<PrintJob> submit(@Parameter(hidden = true) Actor actor, HttpServletRequest request,
                                    @RequestParam(required = false) String name,
                                    @RequestParam(required = false) String copies,
                                    @RequestParam(required = false) String sides,
                                    @RequestParam(required = false) String colorMode,
                                    @RequestParam(required = false) String media,
                                    @RequestParam(required = false) String format) throws IOException {
        if (request.getContentLengthLong() > maxDocumentSize) {
            throw new DocumentTooLargeException(maxDocumentSize);
        }
        MediaType type = contentType(request);
        InputStream body = request.getInputStream();
        String declared = format;
        if (type.isCompatibleWith(MediaType.MULTIPART_FORM_DATA)) {
            StreamingMultipart.Part part = StreamingMultipart.find(body, type.getParameter("boundary"));
            if (part == null) {
                throw new InvalidInputException("file", "problem.upload.noFile", "the multipart body has no part named 'file'");
            }
            body = part.body();
            declared = declared != null ? declared : part.contentType();
        } else if (declared == null) {
            declared = type.getType() + "/" + type.getSubtype();
        }
        BufferedInputStream document = new BufferedInputStream(body, 64 * 1024);
        var ticket = new JobTicket(name, format(declared, document), copies(copies), parse(JobTicket.Sides.class, "sides", sides),
                parse(JobTicket.ColorMode.class, "colorMode", colorMode), media, JobTicket.Source.API);
        PrintJob job = jobs.submit(actor, ticket, document);
        return ResponseEntity.created(URI.create("/api/v1/jobs/" + job.id())).body(job);
    }

    @GetMapping
    @Operation(summary = "Your jobs in the organization you work in, newest first")
    List<PrintJob> mine(@Parameter(hidden = true) Actor actor) {
        return jobs.mine(actor);
    }

    @GetMapping("/{jobId}")
    @Operation(summary = "One of your jobs")
    PrintJob get(@Parameter(hidden = true) Actor actor, @PathVariable JobId jobId) {
        return jobs.get(actor, jobId);
    }

    @DeleteMapping("/{jobId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Cancel a held job; its document is deleted at once")
    void delete(@Parameter(hidden = true) Actor actor, @PathVariable JobId jobId) {
        jobs.delete(actor, jobId);
    }

    @GetMapping("/{jobId}/document")
    @Operation(summary = "The job's document, decrypted as it streams")
    void document(@Parameter(hidden = true) Actor actor, @PathVariable JobId jobId, HttpServletResponse response)
            throws IOException {
        PrintJob job = jobs.get(actor, jobId);
        try (InputStream in = jobs.document(actor, jobId)) {
            response.setContentType(job.format().mediaType());
            response.setContentLengthLong(job.size());
            response.setHeader("Content-Disposition", "attachment");
            response.setHeader("Cache-Control", "no-store");
            OutputStream out = response.getOutputStream();
            in.transferTo(out);
            out.flush();
        }
    }

    private static MediaType contentType(HttpServletRequest request) {
        String header = request.getContentType();
        try {
            return header == null ? MediaType.APPLICATION_OCTET_STREAM : MediaType.parseMediaType(header);
        } catch (IllegalArgumentException e) {
            throw unsupported(header);
        }
    }

    /** The declared format; for application/octet-stream (or none), the format the first bytes show. */
    private static DocumentFormat format(String declared, BufferedInputStream document) throws IOException {
        String base = declared == null ? "application/octet-stream" : declared.split(";", 2)[0].trim();
        if (!base.equalsIgnoreCase("application/octet-stream")) {
            return DocumentFormat.ofMediaType(base).orElseThrow(() -> unsupported(base));
        }
        document.mark(16);
        byte[] head = document.readNBytes(8);
        document.reset();
        String text = new String(head, java.nio.charset.StandardCharsets.ISO_8859_1);
        if (text.startsWith("%PDF-")) {
            return DocumentFormat.PDF;
        }
        if (head.length >= 3 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xD8 && (head[2] & 0xFF) == 0xFF) {
            return DocumentFormat.JPEG;
        }
        if (text.startsWith("RaS2")) {
            return DocumentFormat.PWG_RASTER;
        }
        if (text.startsWith("UNIRAST")) {
            return DocumentFormat.URF;
        }
        throw unsupported("application/octet-stream (not recognizable as PDF, JPEG, PWG raster or URF)");
    }

    private static ResponseStatusException unsupported(String type) {
        return new ResponseStatusException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported document format " + type
                + "; send application/pdf, image/jpeg, image/pwg-raster or image/urf");
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

    /** Accepts the enum name in any case, or its IPP keyword ("two-sided-long-edge"). */
    private static <E extends Enum<E>> E parse(Class<E> type, String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.strip().replace('-', '_').toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "problem.report.choice", field + " must be one of " + java.util.Arrays.toString(type.getEnumConstants()),
                    field, java.util.Arrays.toString(type.getEnumConstants()));
        }
    }
}
